using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Redis.Tests.Infrastructure;
using CandleDashboard.Tests.Shared.Servers;
using StackExchange.Redis;
using static CandleDashboard.Storage.Redis.Tests.Infrastructure.TestSeries;

namespace CandleDashboard.Storage.Redis.Tests;

/// <summary>Redis going away and coming back, with servers of its own (the shared one must stay up).</summary>
public sealed class RedisOutageTests
{
    [Fact]
    public async Task A_bus_subscribed_while_redis_is_down_hears_messages_once_it_is_up()
    {
        var port = RedisServer.FreeLoopbackPort();
        var connection = await RedisConnector.ConnectAsync($"127.0.0.1:{port},connectTimeout=300");
        try
        {
            var bus = new RedisDataUpdatedBus(connection);
            var heard = new TaskCompletionSource<DataUpdated>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var handle = bus.Subscribe(m => heard.TrySetResult(m)); // must not throw while down
            Assert.False(await bus.WaitUntilSubscribedAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None));

            await using var server = await RedisServer.StartAsync(port);
            Assert.True(await bus.WaitUntilSubscribedAsync(TimeSpan.FromSeconds(10), CancellationToken.None));
            await using var other = await ConnectOther(server);
            var message = new DataUpdated("binance", "BTCUSDT", "1m", T0, T0, 1);

            await new RedisDataUpdatedBus(other.Connection).PublishAsync(message, CancellationToken.None);
            Assert.Equal(message, await heard.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_store_fails_fast_while_redis_is_down_and_works_again_when_it_is_back()
    {
        var server = await RedisServer.StartAsync();
        var port = server.Port;
        var connection = await RedisConnector.ConnectAsync($"{server.EndPoint},connectTimeout=300");
        try
        {
            var store = new RedisCandleStore(connection);
            var series = NewSeries();
            await store.UpsertAsync(series, Range(0, 2), CancellationToken.None);

            await server.DisposeAsync(); // Redis gone (and its data: persistence is off)
            await Eventually(() => !connection.IsConnected, "disconnect noticed", 10_000);
            await Assert.ThrowsAsync<RedisConnectionException>(() => store.GetRecentAsync(series, 10, CancellationToken.None));
            var check = await new RedisConnectionChecker(connection).CheckAsync(CancellationToken.None);
            Assert.False(check.IsReachable);
            Assert.Contains($"127.0.0.1:{port}", check.Error);

            server = await RedisServer.StartAsync(port);
            // IsConnected turns true a moment before commands are accepted again: retry the write itself.
            await EventuallySucceeds(() => store.UpsertAsync(series, Range(5, 1), CancellationToken.None), "upsert after reconnect");
            Assert.Equal(Range(5, 1), await store.GetRecentAsync(series, 10, CancellationToken.None));
        }
        finally
        {
            await connection.DisposeAsync();
            await server.DisposeAsync();
        }
    }

    private static async Task<OtherInstance> ConnectOther(RedisServer server) =>
        new(await RedisConnector.ConnectAsync(server.EndPoint));
}
