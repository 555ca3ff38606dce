using CandleDashboard.Core.Buffers;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Core.Storage.InMemory;
using Microsoft.Extensions.Time.Testing;
using static CandleDashboard.Core.Tests.TestTrades;

namespace CandleDashboard.Core.Tests;

public class CandleBufferTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(Midnight + 86_400_000 + 5_000));

    private static Candle C(long openTime, decimal close, CandleSource source) =>
        new(openTime, close, close, close, close, 1m, close, 1, true, source);

    [Fact]
    public void Keeps_the_newest_capacity_candles_one_per_open_time_and_never_lets_live_replace_official()
    {
        var buffer = new CandleBuffer("BTCUSDT", Interval.OneMinute, capacity: 3);
        buffer.Load([C(Midnight, 1m, CandleSource.Official), C(Midnight + 60_000, 2m, CandleSource.Official)], "redis", _clock.GetUtcNow());

        buffer.Apply([C(Midnight + 60_000, 9m, CandleSource.Live), C(Midnight + 120_000, 3m, CandleSource.Live)], _clock.GetUtcNow());
        buffer.Apply([C(Midnight + 180_000, 4m, CandleSource.Live)], _clock.GetUtcNow());
        buffer.Apply([C(Midnight + 120_000, 3.5m, CandleSource.Official)], _clock.GetUtcNow());

        Assert.Equal(
            [(Midnight + 60_000, 2m, CandleSource.Official), (Midnight + 120_000, 3.5m, CandleSource.Official), (Midnight + 180_000, 4m, CandleSource.Live)],
            buffer.Snapshot().Select(c => (c.OpenTime, c.Close, c.Source)));
        var status = buffer.Status;
        Assert.True(status.IsFull);
        Assert.Equal((3, 3, "redis", BufferState.Ready), (status.Count, status.Capacity, status.LoadedFrom, status.State));
    }

    [Fact]
    public async Task A_restart_with_fresh_stores_loads_every_buffer_without_an_exchange_call()
    {
        var store = new InMemoryCandleStore();
        var exchange = new FakeExchange(_clock);
        var history = new TieredCandleHistory([store], new ExchangeCandleHistory(exchange, _clock), _clock, new TieredHistoryOptions());
        var symbols = new[] { "BTCUSDT", "ETHUSDT" };
        IReadOnlyList<Interval> intervals = [Interval.FifteenSeconds, Interval.OneMinute];

        var first = new CandleBufferSet(symbols, intervals, 20, history, _clock);
        await first.LoadAllAsync(4, CancellationToken.None);
        Assert.All(first.Statuses, s => Assert.Equal(("exchange", 20), (s.LoadedFrom, s.Count)));

        exchange.Requests.Clear();
        var restarted = new CandleBufferSet(symbols, intervals, 20, history, _clock);
        await restarted.LoadAllAsync(4, CancellationToken.None);

        Assert.Empty(exchange.Requests);
        Assert.True(restarted.AllReady);
        Assert.All(restarted.Statuses, s => Assert.Equal(("memory", 20, true), (s.LoadedFrom, s.Count, s.IsFull)));
    }

    [Fact]
    public async Task Buffers_that_timed_out_at_startup_are_degraded_then_load_on_a_retry()
    {
        var exchange = new FakeExchange(_clock) { Failure = new TaskCanceledException("HttpClient.Timeout elapsed") };
        var history = new TieredCandleHistory([new InMemoryCandleStore()], new ExchangeCandleHistory(exchange, _clock), _clock, new TieredHistoryOptions());
        var set = new CandleBufferSet(["BTCUSDT", "ETHUSDT"], [Interval.OneMinute], 10, history, _clock);

        await set.LoadAllAsync(4, CancellationToken.None); // a timeout is not our shutdown: no exception

        Assert.All(set.Statuses, s => Assert.Equal((BufferState.Degraded, "HttpClient.Timeout elapsed"), (s.State, s.LastError)));
        Assert.False(await set.ReloadDegradedAsync(4, CancellationToken.None));

        exchange.Failure = null;
        Assert.True(await set.ReloadDegradedAsync(4, CancellationToken.None));
        Assert.All(set.Statuses, s => Assert.Equal((BufferState.Ready, 10, (string?)null), (s.State, s.Count, s.LastError)));
    }

    [Fact]
    public async Task Data_updated_replaces_live_candles_with_the_official_ones_from_the_store()
    {
        var store = new InMemoryCandleStore();
        var history = new TieredCandleHistory([store], new ExchangeCandleHistory(new FakeExchange(_clock), _clock), _clock, new TieredHistoryOptions());
        var set = new CandleBufferSet(["BTCUSDT"], [Interval.OneMinute], 10, history, _clock);
        set.OnCandleClosed(new CandleUpdate("BTCUSDT", Interval.OneMinute, C(Midnight, 5m, CandleSource.Live)));

        await store.UpsertAsync(new SeriesKey("binance", "BTCUSDT", Interval.OneMinute), [C(Midnight, 6m, CandleSource.Official)], default);
        await set.OnDataUpdatedAsync(new DataUpdated("binance", "BTCUSDT", "1m", Midnight, Midnight, 1), CancellationToken.None);

        var candle = Assert.Single(set.Get("BTCUSDT", Interval.OneMinute)!.Snapshot());
        Assert.Equal((6m, CandleSource.Official), (candle.Close, candle.Source));
    }
}
