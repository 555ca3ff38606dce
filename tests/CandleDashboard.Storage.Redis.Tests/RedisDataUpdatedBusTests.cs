using CandleDashboard.Contracts;
using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Redis.Tests.Infrastructure;
using static CandleDashboard.Storage.Redis.Tests.Infrastructure.TestSeries;

namespace CandleDashboard.Storage.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class RedisDataUpdatedBusTests(RedisFixture redis)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    private static DataUpdated Message(string symbol) => new("binance", symbol, "1m", T0, T0 + 120_000, 3);

    [Fact]
    public async Task A_message_published_by_one_instance_reaches_another_and_the_publisher()
    {
        await using var other = await redis.ConnectAnotherAsync();
        var publisher = new RedisDataUpdatedBus(redis.Connection);
        var listener = new RedisDataUpdatedBus(other.Connection);
        var symbol = NewSeries().Symbol;
        var heardByListener = new TaskCompletionSource<DataUpdated>(TaskCreationOptions.RunContinuationsAsynchronously);
        var heardByPublisher = new TaskCompletionSource<DataUpdated>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var a = listener.Subscribe(m => { if (m.Symbol == symbol) heardByListener.TrySetResult(m); });
        using var b = publisher.Subscribe(m => { if (m.Symbol == symbol) heardByPublisher.TrySetResult(m); });
        Assert.True(await listener.WaitUntilSubscribedAsync(Deadline, CancellationToken.None));
        Assert.True(await publisher.WaitUntilSubscribedAsync(Deadline, CancellationToken.None));

        await publisher.PublishAsync(Message(symbol), CancellationToken.None);

        Assert.Equal(Message(symbol), await heardByListener.Task.WaitAsync(Deadline));
        Assert.Equal(Message(symbol), await heardByPublisher.Task.WaitAsync(Deadline));
    }

    [Fact]
    public async Task Malformed_messages_on_the_channel_are_counted_and_skipped()
    {
        await using var other = await redis.ConnectAnotherAsync();
        var listener = new RedisDataUpdatedBus(other.Connection);
        var received = new List<DataUpdated>();
        var symbol = NewSeries().Symbol;
        var valid = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handle = listener.Subscribe(m =>
        {
            lock (received) { received.Add(m); }
            if (m.Symbol == symbol) valid.TrySetResult();
        });
        // Only after Redis confirmed the subscription is every later message guaranteed to arrive.
        Assert.True(await listener.WaitUntilSubscribedAsync(Deadline, CancellationToken.None));

        var raw = redis.Connection.GetSubscriber();
        await raw.PublishAsync(RedisKeys.DataUpdatedChannel, "not json");
        await raw.PublishAsync(RedisKeys.DataUpdatedChannel, """{"exchange":"binance","symbol":"BTC*","interval":"1m","from":1,"to":2,"count":1}""");
        await raw.PublishAsync(RedisKeys.DataUpdatedChannel, """{"exchange":"binance","symbol":"BTCUSDT","interval":"1M","from":1,"to":2,"count":1}""");
        await raw.PublishAsync(RedisKeys.DataUpdatedChannel, """{"exchange":"binance","symbol":"BTCUSDT","interval":"1m","from":5,"to":2,"count":1}""");
        await new RedisDataUpdatedBus(redis.Connection).PublishAsync(Message(symbol), CancellationToken.None);

        await valid.Task.WaitAsync(Deadline);
        await Eventually(() => listener.MalformedMessages == 4, "four malformed messages counted");
        lock (received)
        {
            Assert.Equal([Message(symbol)], received);
        }
    }

    [Fact]
    public async Task A_disposed_handler_hears_nothing_more_and_a_throwing_one_does_not_stop_others()
    {
        var bus = new RedisDataUpdatedBus(redis.Connection);
        var first = NewSeries().Symbol;
        var second = NewSeries().Symbol;
        var removedCalls = 0;
        var heard = new List<string>();
        var gotSecond = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var removed = bus.Subscribe(_ => Interlocked.Increment(ref removedCalls));
        using var thrower = bus.Subscribe(_ => throw new InvalidOperationException("handler bug"));
        using var kept = bus.Subscribe(m =>
        {
            lock (heard) { heard.Add(m.Symbol); }
            if (m.Symbol == second) gotSecond.TrySetResult();
        });
        Assert.True(await bus.WaitUntilSubscribedAsync(Deadline, CancellationToken.None));

        await bus.PublishAsync(Message(first), CancellationToken.None);
        await Eventually(() => { lock (heard) { return heard.Contains(first); } }, "first message");
        Assert.Equal(1, Volatile.Read(ref removedCalls));

        removed.Dispose();
        await bus.PublishAsync(Message(second), CancellationToken.None);
        await gotSecond.Task.WaitAsync(Deadline);
        Assert.Equal(1, Volatile.Read(ref removedCalls)); // handlers run in order, so it would have run before `kept`
    }

    [Fact]
    public void Wire_format_is_camel_case_json_and_round_trips()
    {
        var json = DataUpdatedJson.Serialize(Message("BTCUSDT"));

        Assert.Equal("""{"exchange":"binance","symbol":"BTCUSDT","interval":"1m","from":1700000040000,"to":1700000160000,"count":3}""", json);
        Assert.True(DataUpdatedJson.TryParse(json, out var back));
        Assert.Equal(Message("BTCUSDT"), back);
    }
}
