using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Core.Storage.InMemory;
using Microsoft.Extensions.Time.Testing;
using static CandleDashboard.Core.Tests.TestTrades;

namespace CandleDashboard.Core.Tests;

public class TieredCandleHistoryTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(Midnight + 86_400_000 + 30_500));
    private readonly InMemoryCandleStore _hot = new();
    private readonly InMemoryCandleStore _durable = new();
    private readonly FakeExchange _exchange;
    private readonly TieredCandleHistory _history;

    public TieredCandleHistoryTests()
    {
        _exchange = new FakeExchange(_clock);
        _history = new TieredCandleHistory([_hot, _durable], new ExchangeCandleHistory(_exchange, _clock), _clock, new TieredHistoryOptions());
    }

    private static SeriesKey Key(Interval i) => new("binance", "BTCUSDT", i);

    [Fact]
    public async Task Empty_stores_fall_through_to_the_exchange_and_closed_candles_are_written_back()
    {
        var slice = await _history.LoadAsync("BTCUSDT", Interval.OneMinute, 100, CancellationToken.None);

        Assert.Equal(TieredCandleHistory.ExchangeSource, slice.Source);
        Assert.Equal(101, slice.Candles.Count); // 100 closed and the forming one
        Assert.False(slice.Candles[^1].IsClosed);
        Assert.Equal(100, (await _hot.GetMetadataAsync(Key(Interval.OneMinute), default))!.Count);
        Assert.Equal(100, (await _durable.GetMetadataAsync(Key(Interval.OneMinute), default))!.Count);
        Assert.False(slice.Gap.HasGap);
    }

    [Fact]
    public async Task A_second_load_is_served_by_the_hot_store_without_an_exchange_call()
    {
        await _history.LoadAsync("BTCUSDT", Interval.OneMinute, 50, CancellationToken.None);
        var requests = _exchange.Requests.Count;

        var slice = await _history.LoadAsync("BTCUSDT", Interval.OneMinute, 50, CancellationToken.None);

        Assert.Equal("memory", slice.Source);
        Assert.Equal(50, slice.Candles.Count);
        Assert.Equal(requests, _exchange.Requests.Count);
    }

    [Fact]
    public async Task When_only_the_durable_store_has_it_the_hot_store_is_refilled()
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var candles = Enumerable.Range(1, 60).Select(n => _exchange.PriceAt(Interval.OneMinute.Floor(now) - (n * 60_000), Interval.OneMinute, now)).Reverse().ToArray();
        await _durable.UpsertAsync(Key(Interval.OneMinute), candles, default);

        var slice = await _history.LoadAsync("BTCUSDT", Interval.OneMinute, 60, CancellationToken.None);

        Assert.Equal("memory", slice.Source);
        Assert.Empty(_exchange.Requests);
        Assert.Equal(60, (await _hot.GetMetadataAsync(Key(Interval.OneMinute), default))!.Count);
    }

    [Fact]
    public async Task A_store_lagging_more_than_the_allowed_lag_is_not_served_and_the_gap_is_reported()
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var stale = Enumerable.Range(20, 60).Select(n => _exchange.PriceAt(Interval.OneMinute.Floor(now) - (n * 60_000), Interval.OneMinute, now)).Reverse().ToArray();
        await _hot.UpsertAsync(Key(Interval.OneMinute), stale, default);

        var gap = HistoryGap.Of(stale[^1].OpenTime, Interval.OneMinute, now);
        Assert.Equal(19, gap.MissingCandles);
        Assert.True(gap.HasGap);

        var slice = await _history.LoadAsync("BTCUSDT", Interval.OneMinute, 60, CancellationToken.None);
        Assert.Equal(TieredCandleHistory.ExchangeSource, slice.Source);
        Assert.NotEmpty(_exchange.Requests);
    }

    [Fact]
    public async Task A_store_with_a_hole_does_not_answer_the_next_tier_does()
    {
        await _history.LoadAsync("BTCUSDT", Interval.OneMinute, 50, CancellationToken.None); // both stores filled
        var all = await _durable.GetRecentAsync(Key(Interval.OneMinute), 50, default);
        var holed = new InMemoryCandleStore();
        await holed.UpsertAsync(Key(Interval.OneMinute), [.. all.Where((_, i) => i != 20)], default); // Redis lost one write
        var history = new TieredCandleHistory([holed, _durable], new ExchangeCandleHistory(_exchange, _clock), _clock, new TieredHistoryOptions());
        _exchange.Requests.Clear();

        var slice = await history.LoadAsync("BTCUSDT", Interval.OneMinute, 40, CancellationToken.None);
        var range = await history.GetRangeAsync("BTCUSDT", Interval.OneMinute, all[15].OpenTime, all[25].OpenTime, CancellationToken.None);

        Assert.Equal("memory", slice.Source); // the durable tier, not the holed one
        Assert.Equal(all.TakeLast(40), slice.Candles);
        Assert.Equal(all.Skip(15).Take(11), range);
        Assert.Empty(_exchange.Requests);
    }

    [Fact]
    public async Task Identical_store_miss_loads_share_one_exchange_request_and_different_ones_are_capped()
    {
        var gated = new GatedExchange(_exchange);
        var history = new TieredCandleHistory([new InMemoryCandleStore()], new ExchangeCandleHistory(gated, _clock), _clock, new TieredHistoryOptions { MaxConcurrentExchangeLoads = 2 });

        // Ten charts open the same series at once, and four other series open too.
        var same = Enumerable.Range(0, 10).Select(_ => history.LoadAsync("BTCUSDT", Interval.OneMinute, 50, CancellationToken.None)).ToArray();
        var others = new[] { "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT" }.Select(s => history.LoadAsync(s, Interval.OneMinute, 50, CancellationToken.None)).ToArray();
        await CandleDashboard.Tests.Shared.Eventually.ReachesAsync(() => gated.Waiting, n => n == 2, TimeSpan.FromSeconds(5), "two loads at the exchange");
        Assert.Equal(2, gated.Waiting); // the cap holds the other three back
        gated.Open();
        var slices = await Task.WhenAll([.. same, .. others]);

        Assert.Equal(5, history.ExchangeRequests); // one for the ten identical loads, one per other series
        Assert.Equal(2, gated.MaxConcurrent);
        Assert.All(slices, s => Assert.Equal(TieredCandleHistory.ExchangeSource, s.Source));
        Assert.All(same, t => Assert.Equal(slices[0].Candles, t.Result.Candles));
    }

    [Fact]
    public async Task Identical_page_loads_share_one_exchange_request_through_the_same_gate()
    {
        var gated = new GatedExchange(_exchange);
        var history = new TieredCandleHistory([new InMemoryCandleStore()], new ExchangeCandleHistory(gated, _clock), _clock, new TieredHistoryOptions { MaxConcurrentExchangeLoads = 2 });
        var boundary = Interval.OneMinute.Floor(_clock.GetUtcNow().ToUnixTimeMilliseconds()) - (500 * 60_000);

        // Three charts ask for the page that ends with the candle at `boundary` (one by a time just inside
        // its bucket), and one chart opens the series: the recent load and the pages share the cap.
        var pages = new[] { boundary + 60_000, boundary + 60_000, boundary + 1 }
            .Select(before => history.LoadBeforeAsync("BTCUSDT", Interval.OneMinute, before, 100, CancellationToken.None))
            .ToArray();
        var recent = history.LoadAsync("BTCUSDT", Interval.OneMinute, 50, CancellationToken.None);
        await CandleDashboard.Tests.Shared.Eventually.ReachesAsync(() => gated.Waiting, n => n == 2, TimeSpan.FromSeconds(5), "two loads at the exchange");
        gated.Open();
        var served = await Task.WhenAll(pages);
        await recent;

        Assert.Equal(2, history.ExchangeRequests); // one for the three identical pages, one for the recent load
        Assert.All(served, p => Assert.Equal(served[0].Candles, p.Candles));
        Assert.Equal(boundary, served[0].Candles[^1].OpenTime);
    }

    /// <summary>An exchange whose requests wait until <see cref="Open"/>, counting how many wait at once.</summary>
    private sealed class GatedExchange(FakeExchange inner) : CandleDashboard.Core.Exchange.IKlineSource
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _waiting;
        private int _maxConcurrent;

        public int Waiting => Volatile.Read(ref _waiting);

        public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

        public IReadOnlyList<Interval> SupportedIntervals => inner.SupportedIntervals;

        public int MaxKlinesPerRequest => inner.MaxKlinesPerRequest;

        public void Open() => _open.TrySetResult();

        public async Task<IReadOnlyList<Candle>> GetKlinesAsync(string symbol, Interval interval, long? startTime, long? endTime, int limit, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _waiting);
            int seen;
            while (now > (seen = Volatile.Read(ref _maxConcurrent)) && Interlocked.CompareExchange(ref _maxConcurrent, now, seen) != seen)
            {
            }

            try
            {
                await _open.Task.WaitAsync(cancellationToken);
                lock (inner)
                {
                    return inner.GetKlinesAsync(symbol, interval, startTime, endTime, limit, cancellationToken).Result;
                }
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
    }

    [Fact]
    public async Task An_exchange_kline_that_closed_a_moment_ago_is_served_but_not_stored_yet()
    {
        // The clock stands 0.5 s after a 15 s bucket closed: inside the close grace.
        var slice = await _history.LoadAsync("BTCUSDT", Interval.FifteenSeconds, 10, CancellationToken.None);
        var justClosed = Interval.FifteenSeconds.Floor(_clock.GetUtcNow().ToUnixTimeMilliseconds()) - 15_000;

        Assert.Contains(slice.Candles, c => c.OpenTime == justClosed && c.IsClosed);
        Assert.Equal(justClosed - 15_000, (await _hot.GetMetadataAsync(Key(Interval.FifteenSeconds), default))!.LatestOpenTime);
    }

    [Fact]
    public async Task A_failing_store_is_skipped()
    {
        var history = new TieredCandleHistory([new BrokenStore(), _durable], new ExchangeCandleHistory(_exchange, _clock), _clock, new TieredHistoryOptions());
        var slice = await history.LoadAsync("BTCUSDT", Interval.OneMinute, 10, CancellationToken.None);
        Assert.Equal(11, slice.Candles.Count);
        Assert.Equal(10, (await _durable.GetMetadataAsync(Key(Interval.OneMinute), default))!.Count);
    }
}
