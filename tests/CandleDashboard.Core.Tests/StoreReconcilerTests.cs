using CandleDashboard.Core.Fetching;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Core.Storage.InMemory;
using Microsoft.Extensions.Time.Testing;
using static CandleDashboard.Core.Tests.TestTrades;

namespace CandleDashboard.Core.Tests;

public class StoreReconcilerTests
{
    private static readonly SeriesKey Minute = new("binance", "BTCUSDT", Interval.OneMinute);
    private static readonly SeriesKey FifteenSeconds = new("binance", "BTCUSDT", Interval.FifteenSeconds);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(Midnight + 86_400_000 + 5_000));
    private readonly InMemoryCandleStore _durable = new();
    private readonly InMemoryCandleStore _hot = new();
    private readonly InMemoryDataUpdatedBus _bus = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<DataUpdated> _announced = new();
    private readonly FakeExchange _exchange;
    private readonly StoreReconciler _reconciler;

    public StoreReconcilerTests()
    {
        _exchange = new FakeExchange(_clock);
        _bus.Subscribe(_announced.Enqueue); // the in-process bus hands messages over off the publisher's thread
        _reconciler = new StoreReconciler(
            _exchange,
            [_durable, _hot],
            _bus,
            new FetcherOptions { Symbols = ["BTCUSDT"], Intervals = [Interval.FifteenSeconds, Interval.OneMinute], ReconcileWindowCandles = 100 },
            _clock);
    }

    private long LastClosed(Interval interval) => interval.Floor(_clock.GetUtcNow().ToUnixTimeMilliseconds()) - interval.Milliseconds;

    private Candle Official(SeriesKey series, long openTime) => _exchange.PriceAt(openTime, series.Interval, _clock.GetUtcNow().ToUnixTimeMilliseconds());

    private Candle[] Range(SeriesKey series, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Official(series, LastClosed(series.Interval) - ((count - 1 - i) * series.Interval.Milliseconds)))];

    [Fact]
    public async Task A_candle_one_store_lost_is_copied_from_the_other_without_asking_the_exchange()
    {
        var all = Range(Minute, 30);
        await _durable.UpsertAsync(Minute, all, default);
        await _hot.UpsertAsync(Minute, [.. all.Where((_, i) => i is not (10 or 11 or 29))], default); // Redis missed three writes

        var status = await _reconciler.ReconcileSeriesAsync(Minute, default);

        Assert.Equal((3, 3, 0, 0), (status.Holes, status.CopiedBetweenStores, status.Refetched, status.Unrepaired));
        Assert.Equal(all, await _hot.GetRangeAsync(Minute, all[0].OpenTime, all[^1].OpenTime, default));
        Assert.Empty(_exchange.Requests);
    }

    [Fact]
    public async Task A_hole_in_every_store_is_refetched_written_everywhere_and_announced()
    {
        // What a write-back of recent exchange history leaves: old candles, then a jump past downtime.
        var all = Range(Minute, 40);
        IReadOnlyList<Candle> withHole = [.. all[..10], .. all[25..]];
        await _durable.UpsertAsync(Minute, withHole, default);
        await _hot.UpsertAsync(Minute, withHole, default);

        var status = await _reconciler.ReconcileSeriesAsync(Minute, default);

        Assert.Equal((15, 0, 15, 0), (status.Holes, status.CopiedBetweenStores, status.Refetched, status.Unrepaired));
        Assert.Equal(all, await _durable.GetRangeAsync(Minute, all[0].OpenTime, all[^1].OpenTime, default));
        Assert.Equal(all, await _hot.GetRangeAsync(Minute, all[0].OpenTime, all[^1].OpenTime, default));
        await CandleDashboard.Tests.Shared.Eventually.ReachesAsync(() => _announced.Count, n => n > 0, TimeSpan.FromSeconds(5), "the announcement");
        var announced = Assert.Single(_announced);
        Assert.Equal((all[10].OpenTime, all[24].OpenTime, 15), (announced.From, announced.To, announced.Count));
    }

    [Fact]
    public async Task Resampled_intervals_are_repaired_from_the_exchange_finer_klines()
    {
        var all = Range(FifteenSeconds, 12);
        IReadOnlyList<Candle> withHole = [.. all[..4], .. all[6..]];
        await _durable.UpsertAsync(FifteenSeconds, withHole, default);
        await _hot.UpsertAsync(FifteenSeconds, withHole, default);

        var status = await _reconciler.ReconcileSeriesAsync(FifteenSeconds, default);

        Assert.Equal(2, status.Refetched);
        var repaired = await _durable.GetRangeAsync(FifteenSeconds, all[4].OpenTime, all[5].OpenTime, default);
        Assert.Equal([all[4].OpenTime, all[5].OpenTime], repaired.Select(c => c.OpenTime));
        Assert.All(repaired, c => Assert.Equal((CandleSource.Official, true, 45L), (c.Source, c.IsClosed, c.TradeCount)));
        Assert.All(_exchange.Requests, r => Assert.Equal(Interval.OneSecond, r.Interval));
    }

    [Fact]
    public async Task A_hole_the_exchange_cannot_fill_is_reported_once_and_not_asked_about_again()
    {
        var all = Range(Minute, 20);
        IReadOnlyList<Candle> withHole = [.. all[..5], .. all[7..]];
        await _durable.UpsertAsync(Minute, withHole, default);
        _exchange.Failure = null;
        var silent = new StoreReconciler(new EmptyExchange(), [_durable], _bus, new FetcherOptions { Symbols = ["BTCUSDT"], Intervals = [Interval.OneMinute] }, _clock);

        var first = await silent.ReconcileSeriesAsync(Minute, default);
        var second = await silent.ReconcileSeriesAsync(Minute, default);

        Assert.Equal((2, 0, 2), (first.Holes, first.Refetched, first.Unrepaired));
        Assert.Equal((2, 0, 0), (second.Holes, second.Refetched, second.Unrepaired)); // still a hole, but no new request
    }

    [Fact]
    public async Task A_store_still_writing_its_queue_is_checked_next_round_not_counted_as_holes()
    {
        var all = Range(Minute, 10);
        await _hot.UpsertAsync(Minute, all, default);
        var queued = new QueueingStore(new InMemoryCandleStore());
        await queued.UpsertAsync(Minute, all, default); // accepted, not yet written (PostgreSQL catching up)
        var reconciler = new StoreReconciler(_exchange, [queued, _hot], _bus, new FetcherOptions { Symbols = ["BTCUSDT"], Intervals = [Interval.OneMinute] }, _clock);

        var waiting = await reconciler.ReconcileSeriesAsync(Minute, default);
        Assert.Equal((0, 0), (waiting.Holes, waiting.CopiedBetweenStores));
        Assert.Contains("still writing", waiting.LastError);

        queued.Commit();
        var settled = await reconciler.ReconcileSeriesAsync(Minute, default);
        Assert.Equal((0, 0, (string?)null), (settled.Holes, settled.CopiedBetweenStores, settled.LastError));
    }

    [Fact]
    public async Task A_store_that_cannot_be_read_is_a_failed_round_not_an_exception()
    {
        await _durable.UpsertAsync(Minute, Range(Minute, 5), default);
        var broken = new StoreReconciler(_exchange, [_durable, new BrokenStore("redis is down")], _bus, new FetcherOptions { Symbols = ["BTCUSDT"], Intervals = [Interval.OneMinute] }, _clock);

        var status = await broken.ReconcileSeriesAsync(Minute, default);

        Assert.Equal("redis is down", status.LastError);
        Assert.Equal(status, Assert.Single(broken.Statuses));
    }

    private sealed class EmptyExchange : CandleDashboard.Core.Exchange.IKlineSource
    {
        public IReadOnlyList<Interval> SupportedIntervals { get; } = [Interval.OneMinute];

        public int MaxKlinesPerRequest => 1000;

        public Task<IReadOnlyList<Candle>> GetKlinesAsync(string symbol, Interval interval, long? startTime, long? endTime, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Candle>>([]);
    }
}
