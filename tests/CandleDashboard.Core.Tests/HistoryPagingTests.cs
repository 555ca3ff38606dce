using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Core.Storage.InMemory;
using Microsoft.Extensions.Time.Testing;
using static CandleDashboard.Core.Tests.TestTrades;

namespace CandleDashboard.Core.Tests;

/// <summary>Scroll-back pages (<see cref="TieredCandleHistory.LoadBeforeAsync"/>): stores first, then the exchange.</summary>
public class HistoryPagingTests
{
    private const long Day2 = Midnight + 86_400_000;
    private const long Now = Day2 + 30_500; // 2024-01-02 00:00:30.5: the last closed minute is 23:59 of the day before
    private const long Minute = 60_000;

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(Now));
    private readonly InMemoryCandleStore _hot = new();
    private readonly InMemoryCandleStore _durable = new();
    private readonly FakeExchange _exchange;
    private readonly TieredCandleHistory _history;

    public HistoryPagingTests()
    {
        _exchange = new FakeExchange(_clock);
        _history = new TieredCandleHistory([_hot, _durable], new ExchangeCandleHistory(_exchange, _clock), _clock, new TieredHistoryOptions());
    }

    private static SeriesKey Key(Interval i) => new("binance", "BTCUSDT", i);

    /// <summary>The exchange's kline at an open time, as it serves it now.</summary>
    private Candle Official(long openTime, Interval interval) => _exchange.PriceAt(openTime, interval, Now);

    private Candle[] Minutes(long firstOpenTime, int count) =>
        [.. Enumerable.Range(0, count).Select(n => Official(firstOpenTime + (n * Minute), Interval.OneMinute))];

    private Task<HistoryPage> PageAsync(Interval interval, long before, int count) =>
        _history.LoadBeforeAsync("BTCUSDT", interval, before, count, CancellationToken.None);

    [Fact]
    public async Task A_page_a_store_holds_whole_is_served_from_it_and_written_back_to_the_faster_tier()
    {
        var stored = Minutes(Day2 - (300 * Minute), 300);
        await _durable.UpsertAsync(Key(Interval.OneMinute), stored, default);

        var page = await PageAsync(Interval.OneMinute, stored[200].OpenTime, 100);

        Assert.Equal("memory", page.Source);
        Assert.Equal(stored[100..200], page.Candles);
        Assert.False(page.ReachedStart);
        Assert.Empty(_exchange.Requests);
        Assert.Equal(stored[100..200], await _hot.GetRangeAsync(Key(Interval.OneMinute), stored[0].OpenTime, stored[^1].OpenTime, default));
    }

    [Fact]
    public async Task A_store_with_a_hole_in_the_page_is_skipped_and_the_next_tier_answers()
    {
        var stored = Minutes(Day2 - (300 * Minute), 300);
        await _durable.UpsertAsync(Key(Interval.OneMinute), stored, default);
        await _hot.UpsertAsync(Key(Interval.OneMinute), [.. stored.Where((_, i) => i != 150)], default); // Redis lost one write

        var page = await PageAsync(Interval.OneMinute, stored[200].OpenTime, 100);

        Assert.Equal(stored[100..200], page.Candles);
        Assert.Empty(_exchange.Requests);
        Assert.Equal(300, (await _hot.GetMetadataAsync(Key(Interval.OneMinute), default))!.Count); // the durable tier's page refilled the hole
    }

    [Fact]
    public async Task Stores_without_the_page_ask_the_exchange_for_the_klines_before_it_and_store_them()
    {
        var before = Day2 - (500 * Minute);

        var page = await PageAsync(Interval.OneMinute, before, 200);

        Assert.Equal(TieredCandleHistory.ExchangeSource, page.Source);
        Assert.Equal(Minutes(before - (200 * Minute), 200), page.Candles);
        Assert.False(page.ReachedStart);
        Assert.Equal((Interval.OneMinute, (long?)null, (long?)(before - 1), 200), Assert.Single(_exchange.Requests));
        Assert.Equal(page.Candles, await _hot.GetRangeAsync(Key(Interval.OneMinute), 0, Day2, default));
        Assert.Equal(page.Candles, await _durable.GetRangeAsync(Key(Interval.OneMinute), 0, Day2, default));

        _exchange.Requests.Clear();
        var again = await PageAsync(Interval.OneMinute, before, 200);

        Assert.Equal("memory", again.Source);
        Assert.Equal(page.Candles, again.Candles);
        Assert.Empty(_exchange.Requests);
    }

    [Fact]
    public async Task Before_a_bucket_boundary_excludes_that_bucket_and_a_time_inside_a_bucket_includes_it()
    {
        var boundary = Day2 - (100 * Minute);

        var onBoundary = await PageAsync(Interval.OneMinute, boundary, 10);
        var justBefore = await PageAsync(Interval.OneMinute, boundary - 1, 10);
        var justAfter = await PageAsync(Interval.OneMinute, boundary + 1, 10);
        var inside = await PageAsync(Interval.OneMinute, boundary + 25_000, 10);

        Assert.Equal(Minutes(boundary - (10 * Minute), 10), onBoundary.Candles);
        Assert.Equal(Minutes(boundary - (10 * Minute), 10), justBefore.Candles); // 11:59.999 lies in the bucket of 11:59
        Assert.Equal(Minutes(boundary - (9 * Minute), 10), justAfter.Candles); // the boundary's bucket opens before 12:00.001
        Assert.Equal(Minutes(boundary - (9 * Minute), 10), inside.Candles);
    }

    [Fact]
    public async Task A_page_larger_than_the_exchange_page_size_is_fetched_in_consecutive_requests()
    {
        var exchange = new FakeExchange(_clock) { MaxKlinesPerRequest = 300 };
        var history = new TieredCandleHistory([new InMemoryCandleStore()], new ExchangeCandleHistory(exchange, _clock), _clock, new TieredHistoryOptions());
        var before = Day2 - (2000 * Minute);

        var page = await history.LoadBeforeAsync("BTCUSDT", Interval.OneMinute, before, 1000, CancellationToken.None);

        Assert.Equal(Minutes(before - (1000 * Minute), 1000), page.Candles);
        Assert.False(page.ReachedStart);
        Assert.Equal(
            new (Interval, long?, long?, int)[]
            {
                (Interval.OneMinute, null, before - 1, 300),
                (Interval.OneMinute, null, before - (300 * Minute) - 1, 300),
                (Interval.OneMinute, null, before - (600 * Minute) - 1, 300),
                (Interval.OneMinute, null, before - (900 * Minute) - 1, 100),
            },
            exchange.Requests);
    }

    [Fact]
    public async Task A_page_before_the_first_candle_of_the_exchange_is_empty_and_reaches_the_start()
    {
        _exchange.ListedAt = Day2 - (1000 * Minute);

        var page = await PageAsync(Interval.OneMinute, _exchange.ListedAt, 100);
        var beforeEpoch = await PageAsync(Interval.OneMinute, 0, 100);

        Assert.Empty(page.Candles);
        Assert.True(page.ReachedStart);
        Assert.Equal(TieredCandleHistory.ExchangeSource, page.Source);
        Assert.Empty(beforeEpoch.Candles);
        Assert.True(beforeEpoch.ReachedStart);
        Assert.Single(_exchange.Requests); // nothing is asked for before 1970
        Assert.Null(await _hot.GetMetadataAsync(Key(Interval.OneMinute), default));
    }

    [Fact]
    public async Task A_page_that_reaches_the_first_candle_of_the_exchange_is_short_and_says_so()
    {
        _exchange.ListedAt = Day2 - (1000 * Minute);

        var page = await PageAsync(Interval.OneMinute, _exchange.ListedAt + (30 * Minute), 100);

        Assert.Equal(Minutes(_exchange.ListedAt, 30), page.Candles);
        Assert.True(page.ReachedStart);
        Assert.Equal(30, (await _durable.GetMetadataAsync(Key(Interval.OneMinute), default))!.Count);

        // The stores now hold those 30, but cannot know that nothing precedes them: only the exchange can.
        _exchange.Requests.Clear();
        var again = await PageAsync(Interval.OneMinute, _exchange.ListedAt + (30 * Minute), 100);

        Assert.Equal(page.Candles, again.Candles);
        Assert.True(again.ReachedStart);
        Assert.Single(_exchange.Requests);
    }

    [Fact]
    public async Task Walking_back_page_by_page_returns_every_candle_once_down_to_the_first()
    {
        _exchange.ListedAt = Day2 - (1000 * Minute);
        var walked = new List<Candle>();
        var before = Now;
        var pages = 0;
        HistoryPage page;
        do
        {
            page = await PageAsync(Interval.OneMinute, before, 300);
            walked.InsertRange(0, page.Candles);
            before = page.Candles.Count > 0 ? page.Candles[0].OpenTime : before;
            pages++;
        }
        while (!page.ReachedStart && pages < 10);

        Assert.Equal(Minutes(_exchange.ListedAt, 1000), walked); // 1000 minutes up to the last closed one, no live candle
        Assert.Equal(4, pages); // 300, 300, 300 and the last 100
    }

    [Fact]
    public async Task Near_now_a_page_ends_at_the_last_closed_candle_and_one_inside_the_close_grace_is_not_stored()
    {
        // The clock stands 0.5 s after a 15 s bucket closed: inside the close grace.
        var page = await PageAsync(Interval.FifteenSeconds, Now, 4);
        var minutes = await PageAsync(Interval.OneMinute, Now, 3);

        Assert.Equal([Day2 - 30_000, Day2 - 15_000, Day2, Day2 + 15_000], page.Candles.Select(c => c.OpenTime));
        Assert.All(page.Candles, c => Assert.True(c.IsClosed));
        Assert.Equal(Day2, (await _hot.GetMetadataAsync(Key(Interval.FifteenSeconds), default))!.LatestOpenTime);
        Assert.Equal(Minutes(Day2 - (3 * Minute), 3), minutes.Candles); // the forming minute of 00:00 is not in a page
    }

    [Fact]
    public async Task A_resampled_interval_is_built_from_whole_buckets_of_the_finer_klines()
    {
        var newest = Day2 - 3_600_000; // 23:00:00
        var page = await PageAsync(Interval.FifteenSeconds, newest + 7_000, 40); // 23:00:07 lies in the bucket of 23:00:00

        Assert.Equal(Enumerable.Range(0, 40).Select(n => newest - ((39 - n) * 15_000L)), page.Candles.Select(c => c.OpenTime));
        Assert.All(_exchange.Requests, r => Assert.Equal(Interval.OneSecond, r.Interval));
        Assert.Equal(600, _exchange.Requests.Sum(r => r.Limit));
        Assert.Equal(newest + 15_000 - 1, _exchange.Requests[0].End); // up to the end of the newest bucket

        // Fifteen 1 s klines priced p, p+1, … p+14 (each ±1 high/low, 2 volume, 3 trades).
        var p = (decimal)(newest / 1000 % 100_000);
        Assert.Equal(new Candle(newest, p, p + 15, p - 1, p + 14, 30m, (30 * p) + 210, 45, true, CandleSource.Official), page.Candles[^1]);
    }

    [Fact]
    public async Task A_resampled_bucket_cut_by_the_first_kline_of_the_exchange_is_not_served()
    {
        var newest = Day2 - 3_600_000;
        _exchange.ListedAt = newest - (10 * 15_000) + 4_000; // four seconds into the bucket of 22:57:30

        var page = await PageAsync(Interval.FifteenSeconds, newest + 15_000, 40);

        Assert.Equal(Enumerable.Range(0, 10).Select(n => newest - ((9 - n) * 15_000L)), page.Candles.Select(c => c.OpenTime));
        Assert.True(page.ReachedStart);
    }

    [Fact]
    public async Task A_hole_in_the_exchange_history_ends_the_page_without_reaching_the_start()
    {
        _exchange.Halts.Add((Day2 - (200 * Minute), Day2 - (190 * Minute))); // ten minutes without trading

        var page = await PageAsync(Interval.OneMinute, Day2 - (150 * Minute), 100);
        var next = await PageAsync(Interval.OneMinute, page.Candles[0].OpenTime, 100);

        Assert.Equal(Minutes(Day2 - (190 * Minute), 40), page.Candles);
        Assert.False(page.ReachedStart);
        Assert.Equal(Minutes(Day2 - (300 * Minute), 100), next.Candles); // the far side of the hole
        Assert.False(next.ReachedStart);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(HistoryPage.MaxCount + 1)]
    public async Task A_count_outside_one_to_the_page_limit_is_refused(int count)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PageAsync(Interval.OneMinute, Day2, count));
        Assert.Empty(_exchange.Requests);
    }
}
