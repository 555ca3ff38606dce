using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Redis.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CandleDashboard.Storage.Redis.Tests.Infrastructure.TestSeries;

namespace CandleDashboard.Storage.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class ServiceRegistrationTests(RedisFixture redis)
{
    [Fact]
    public async Task AddRedisStorage_wires_stores_bus_and_checker_on_one_connection()
    {
        var services = new ServiceCollection();
        services.AddRedisStorage(redis.Server.EndPoint, o => o.MaxCandlesPerSeries = 2);
        await using var provider = services.BuildServiceProvider();

        ICandleStore store = provider.GetRequiredService<RedisCandleStore>();
        Assert.Empty(provider.GetServices<ICandleStore>()); // the host puts it in its tier order
        Assert.IsType<RedisLiveCandleStore>(provider.GetRequiredService<ILiveCandleStore>());
        Assert.IsType<RedisDataUpdatedBus>(provider.GetRequiredService<IDataUpdatedBus>());
        Assert.True((await provider.GetRequiredService<RedisConnectionChecker>().CheckAsync(CancellationToken.None)).IsReachable);

        var series = NewSeries();
        await store.UpsertAsync(series, Range(0, 5), CancellationToken.None);
        Assert.Equal(2, (await store.GetMetadataAsync(series, CancellationToken.None))!.Count); // options applied
    }

    [Fact]
    public void Invalid_options_fail_at_registration()
    {
        var services = new ServiceCollection();
        Assert.Throws<ArgumentOutOfRangeException>(() => services.AddRedisStorage("127.0.0.1:6379", o => o.MaxCandlesPerSeries = 0));
        var empty = Assert.Throws<ArgumentException>(() => services.AddRedisStorage(""));
        Assert.Contains("ConnectionStrings:Redis", empty.Message);
    }
}
