using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Market;
using CandleDashboard.Storage.Redis.Tests.Infrastructure;
using CandleDashboard.Tests.Shared.Servers;
using StackExchange.Redis;

namespace CandleDashboard.Storage.Redis.Tests;

/// <summary>Live candles from the leader's connection to a follower's, through a real redis-server.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisLiveCandleRelayTests(RedisFixture redis)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
    private const long T0 = 1_704_067_200_000;

    [Fact]
    public async Task Candles_reach_another_instance_exactly_and_in_order()
    {
        await using var other = await redis.ConnectAnotherAsync();
        var leader = new RedisLiveCandleRelay(redis.Connection);
        var follower = new RedisLiveCandleRelay(other.Connection);
        var exchange = NewExchange();
        var received = new List<RelayedCandle>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        const int count = 500;
        using var _ = follower.Subscribe(exchange, c =>
        {
            received.Add(c); // the relay hands them over one at a time, in order
            if (received.Count == count) all.SetResult();
        });
        Assert.True(await follower.WaitUntilSubscribedAsync(exchange, Deadline, CancellationToken.None));
        // Prices with long fractions and a closed candle with its forming successor: nothing may be rounded or reordered.
        RelayedCandle[] sent = [.. Enumerable.Range(0, count).Select(k => k % 10 == 9
            ? new RelayedCandle(new CandleUpdate("BTCUSDT", Interval.OneMinute, Candle(T0 + (k * 60_000L), 42_000.12345678m + k, closed: true)), null)
            : new RelayedCandle(new CandleUpdate("ETHUSDT", Interval.FifteenSeconds, Candle(T0 + (k * 15_000L), 0.00012345m * (k + 1), closed: false)), Candle(T0 + (k * 15_000L) - 15_000, 0.5m, closed: true)))];

        foreach (var candle in sent)
        {
            leader.Publish(exchange, candle);
        }

        await all.Task.WaitAsync(Deadline);
        Assert.Equal(sent, received);
    }

    [Fact]
    public async Task Another_exchanges_candles_and_malformed_messages_do_not_reach_a_subscriber()
    {
        var relay = new RedisLiveCandleRelay(redis.Connection);
        var exchange = NewExchange();
        var received = new List<RelayedCandle>();
        var fence = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var last = new RelayedCandle(new CandleUpdate("BTCUSDT", Interval.OneMinute, Candle(T0, 1m, closed: false)), null);
        using var _ = relay.Subscribe(exchange, c =>
        {
            received.Add(c);
            if (c == last) fence.SetResult();
        });
        Assert.True(await relay.WaitUntilSubscribedAsync(exchange, Deadline, CancellationToken.None));

        relay.Publish(NewExchange(), last);
        foreach (var junk in new[] { "", "BTCUSDT|1m", "btc usdt|1m|1,1,1,1,1,1,1,1,0,0", "BTCUSDT|7x|1,1,1,1,1,1,1,1,0,0", "BTCUSDT|1m|not,a,candle" })
        {
            await redis.Connection.GetSubscriber().PublishAsync(RedisKeys.LiveCandles(exchange), junk);
        }

        relay.Publish(exchange, last); // the fence: everything before it has been handled once it arrives
        await fence.Task.WaitAsync(Deadline);

        Assert.Equal([last], received);
        Assert.Equal(5, relay.MalformedMessages);
    }

    [Fact]
    public async Task A_subscription_made_while_redis_is_down_delivers_once_redis_is_back()
    {
        // A server that stops, so the follower subscribes with Redis away, then comes back on the same port (empty).
        var port = RedisServer.FreeLoopbackPort();
        var server = await RedisServer.StartAsync(port);
        await using var connection = await RedisConnector.ConnectAsync(server.EndPoint);
        await server.DisposeAsync();
        var exchange = NewExchange();
        var heard = new TaskCompletionSource<RelayedCandle>(TaskCreationOptions.RunContinuationsAsynchronously);
        var relay = new RedisLiveCandleRelay(connection);

        using var _ = relay.Subscribe(exchange, c => heard.TrySetResult(c)); // neither blocks nor throws
        relay.Publish(exchange, new RelayedCandle(new CandleUpdate("BTCUSDT", Interval.OneMinute, Candle(T0, 1m, closed: false)), null)); // lost, not thrown

        await using var back = await RedisServer.StartAsync(port);
        Assert.True(await relay.WaitUntilSubscribedAsync(exchange, TimeSpan.FromSeconds(20), CancellationToken.None));
        var sent = new RelayedCandle(new CandleUpdate("BTCUSDT", Interval.OneMinute, Candle(T0 + 60_000, 2m, closed: false)), null);
        relay.Publish(exchange, sent);

        Assert.Equal(sent, await heard.Task.WaitAsync(Deadline));
    }

    private static Candle Candle(long openTime, decimal price, bool closed) =>
        new(openTime, price, price * 1.01m, price * 0.99m, price, 1.23456789m, price * 1.23456789m, 7, closed, CandleSource.Live);

    private static string NewExchange() => $"test{Guid.NewGuid():N}"[..20];
}
