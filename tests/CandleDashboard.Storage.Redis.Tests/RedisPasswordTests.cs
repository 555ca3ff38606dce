using CandleDashboard.Storage.Redis.Tests.Infrastructure;
using CandleDashboard.Tests.Shared.Servers;
using static CandleDashboard.Storage.Redis.Tests.Infrastructure.TestSeries;

namespace CandleDashboard.Storage.Redis.Tests;

/// <summary>A password-protected Redis: the password comes only from the connection string.</summary>
public sealed class RedisPasswordTests
{
    private const string Password = "pw-from-connection-string-7";

    [Fact]
    public async Task Password_from_the_connection_string_is_used_and_a_missing_one_is_reported_without_secrets()
    {
        await using var server = await RedisServer.StartAsync(password: Password);

        var withPassword = await RedisConnector.ConnectAsync(server.ConnectionString);
        try
        {
            var store = new RedisCandleStore(withPassword);
            var series = NewSeries();
            await store.UpsertAsync(series, Range(0, 1), CancellationToken.None);
            Assert.Equal(Range(0, 1), await store.GetRecentAsync(series, 1, CancellationToken.None));
        }
        finally
        {
            await withPassword.DisposeAsync();
        }

        var without = await RedisConnectionChecker.CheckAsync($"{server.EndPoint},connectTimeout=1000", CancellationToken.None);
        Assert.False(without.IsReachable);
        Assert.NotNull(without.Error);
        Assert.DoesNotContain("\n", without.Error);
        Assert.Contains(server.EndPoint, without.Error);
        Assert.Contains("ConnectionStrings:Redis", without.Error);
        // Usually "authentication failed: missing or wrong password"; caught mid-reconnect the library
        // only says "not connected", so the one line always points at the password as well.
        Assert.Contains("password", without.Error);

        var wrong = await RedisConnectionChecker.CheckAsync($"{server.EndPoint},password=wrong-{Password},connectTimeout=1000", CancellationToken.None);
        Assert.False(wrong.IsReachable);
        Assert.Contains("password", wrong.Error);
        Assert.DoesNotContain(Password, wrong.Error);
    }
}
