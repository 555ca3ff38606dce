using CandleDashboard.Tests.Shared.Servers;
using CandleDashboard.Web.Persistence;

namespace CandleDashboard.Integration.Tests;

/// <summary>Configured but unreachable stores: the app refuses to start, naming the server and the setting.</summary>
[Collection(StoresCollection.Name)]
public sealed class UnreachableStoreTests(StoresFixture stores)
{
    [Fact]
    public async Task An_unreachable_redis_stops_startup_with_the_server_and_the_setting_named()
    {
        var port = RedisServer.FreeLoopbackPort();
        var args = stores.AppArgs("unused").Where(a => !a.StartsWith("--ConnectionStrings:", StringComparison.Ordinal))
            .Append($"--ConnectionStrings:Redis=127.0.0.1:{port}")
            .ToArray();

        var ex = await Assert.ThrowsAsync<StorageUnavailableException>(() => AppInstance.StartAsync(args));

        Assert.Contains($"127.0.0.1:{port}", ex.Message);
        Assert.Contains("ConnectionStrings:Redis", ex.Message);
    }

    [Fact]
    public async Task An_unreachable_postgres_stops_startup_without_leaking_the_password()
    {
        var port = RedisServer.FreeLoopbackPort();
        var args = stores.AppArgs("unused").Where(a => !a.StartsWith("--ConnectionStrings:", StringComparison.Ordinal))
            .Append($"--ConnectionStrings:Postgres=Host=127.0.0.1;Port={port};Username=app;Password=s3cret-value;Timeout=2")
            .ToArray();

        var ex = await Assert.ThrowsAsync<StorageUnavailableException>(() => AppInstance.StartAsync(args));

        Assert.Contains($"127.0.0.1:{port}", ex.Message);
        Assert.Contains("ConnectionStrings:Postgres", ex.Message);
        Assert.DoesNotContain("s3cret-value", ex.Message);
    }
}
