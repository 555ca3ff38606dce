using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Fetching;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Core.Storage.InMemory;
using Microsoft.Extensions.Time.Testing;
using static CandleDashboard.Core.Tests.TestTrades;

namespace CandleDashboard.Core.Tests;

public class OfficialKlineFetcherTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(Midnight + 86_400_000 + 5_000));
    private readonly InMemoryCandleStore _durable = new();
    private readonly InMemoryCandleStore _hot = new();
    private readonly RecordingBus _bus = new();
    private readonly FakeExchange _exchange;
    private readonly OfficialKlineFetcher _fetcher;

    public OfficialKlineFetcherTests()
    {
        _exchange = new FakeExchange(_clock);
        _fetcher = new OfficialKlineFetcher(
            _exchange,
            [_durable, _hot],
            _bus,
            new FetcherOptions { Symbols = ["BTCUSDT"], Intervals = [Interval.FifteenSeconds, Interval.OneMinute], InitialCandles = 30 },
            _clock);
    }

    private static SeriesKey Key(Interval i) => new("binance", "BTCUSDT", i);

    [Fact]
    public async Task First_run_commits_the_initial_closed_candles_to_every_store_and_announces_them()
    {
        var published = await _fetcher.RunOnceAsync(CancellationToken.None);

        var m1 = Assert.Single(published, p => p.Interval == "1m");
        var lastClosed = Interval.OneMinute.Floor(_clock.GetUtcNow().ToUnixTimeMilliseconds()) - 60_000;
        Assert.Equal(new DataUpdated("binance", "BTCUSDT", "1m", lastClosed - (29 * 60_000), lastClosed, 30), m1);
        Assert.Equal(new SeriesMetadata(m1.From, m1.To, 30), await _durable.GetMetadataAsync(Key(Interval.OneMinute), default));
        Assert.Equal(new SeriesMetadata(m1.From, m1.To, 30), await _hot.GetMetadataAsync(Key(Interval.OneMinute), default));
        Assert.Equal(published, _bus.Messages);
        Assert.Equal(published.Sum(p => p.Count), _fetcher.Status.TotalCandles);
        Assert.Null(_fetcher.Status.LastError);
    }

    [Fact]
    public async Task Fifteen_second_candles_are_committed_as_official_resampled_from_complete_one_second_buckets()
    {
        await _fetcher.RunOnceAsync(CancellationToken.None);

        var s15 = await _durable.GetRecentAsync(Key(Interval.FifteenSeconds), 100, default);
        Assert.Equal(30, s15.Count);
        Assert.All(s15, c => Assert.Equal((CandleSource.Official, true, 45L), (c.Source, c.IsClosed, c.TradeCount)));
        Assert.Equal(Interval.FifteenSeconds.Floor(_clock.GetUtcNow().ToUnixTimeMilliseconds()) - 15_000, s15[^1].OpenTime);
    }

    [Fact]
    public async Task After_downtime_the_gap_is_backfilled_exactly_with_no_duplicates()
    {
        await _fetcher.RunOnceAsync(CancellationToken.None);
        var before = (await _durable.GetMetadataAsync(Key(Interval.OneMinute), default))!;

        _clock.Advance(TimeSpan.FromMinutes(10)); // the app was down for 10 minutes
        _bus.Messages.Clear();
        var published = await _fetcher.RunOnceAsync(CancellationToken.None);

        var m1 = Assert.Single(published, p => p.Interval == "1m");
        Assert.Equal((before.LatestOpenTime + 60_000, before.LatestOpenTime + (10 * 60_000), 10), (m1.From, m1.To, m1.Count));
        var after = (await _durable.GetMetadataAsync(Key(Interval.OneMinute), default))!;
        Assert.Equal(before.Count + 10, after.Count);
        var all = await _durable.GetRecentAsync(Key(Interval.OneMinute), 1000, default);
        Assert.Equal(all.Count, all.Select(c => c.OpenTime).Distinct().Count());
        Assert.All(all.Zip(all.Skip(1)), p => Assert.Equal(p.First.OpenTime + 60_000, p.Second.OpenTime));
    }

    [Fact]
    public async Task An_up_to_date_series_makes_no_request_and_announces_nothing()
    {
        await _fetcher.RunOnceAsync(CancellationToken.None);
        _exchange.Requests.Clear();

        Assert.Empty(await _fetcher.RunOnceAsync(CancellationToken.None));
        Assert.Empty(_exchange.Requests);
    }

    [Fact]
    public async Task A_failed_commit_announces_nothing_and_the_next_run_commits_the_same_range()
    {
        var failing = new FailingOnceStore(_durable);
        var fetcher = new OfficialKlineFetcher(_exchange, [failing, _hot], _bus, new FetcherOptions { Symbols = ["BTCUSDT"], Intervals = [Interval.OneMinute], InitialCandles = 5 }, _clock);

        Assert.Empty(await fetcher.RunOnceAsync(CancellationToken.None));
        Assert.NotNull(fetcher.Status.LastError);
        Assert.Empty(_bus.Messages);

        var published = Assert.Single(await fetcher.RunOnceAsync(CancellationToken.None));
        Assert.Equal(5, published.Count);
        Assert.Null(fetcher.Status.LastError);
    }

    [Fact]
    public async Task When_the_durable_store_cannot_answer_the_next_store_tells_where_to_continue()
    {
        await _fetcher.RunOnceAsync(CancellationToken.None);
        var before = (await _hot.GetMetadataAsync(Key(Interval.OneMinute), default))!;
        var unreadable = new UnreadableMetadataStore(_durable);
        var fetcher = new OfficialKlineFetcher(_exchange, [unreadable, _hot], _bus, new FetcherOptions { Symbols = ["BTCUSDT"], Intervals = [Interval.OneMinute], InitialCandles = 30 }, _clock);
        _clock.Advance(TimeSpan.FromMinutes(3));

        var published = Assert.Single(await fetcher.RunOnceAsync(CancellationToken.None));

        Assert.Equal((before.LatestOpenTime + 60_000, 3), (published.From, published.Count));
    }

    [Fact]
    public async Task A_rate_limit_stops_the_run_and_pauses_until_retry_after()
    {
        var limited = new RateLimitedExchange();
        var fetcher = new OfficialKlineFetcher(limited, [_durable], _bus, new FetcherOptions { Symbols = ["BTCUSDT", "ETHUSDT"], Intervals = [Interval.OneMinute, Interval.FiveMinutes] }, _clock);

        Assert.Empty(await fetcher.RunOnceAsync(CancellationToken.None));

        Assert.Equal(1, limited.Requests); // no further request once refused
        Assert.Contains("rate limited", fetcher.Status.LastError);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(30), fetcher.Status.NextRunAt);
    }

    [Fact]
    public async Task A_client_side_timeout_is_a_failed_run_not_a_shutdown()
    {
        // HttpClient's timeout surfaces as TaskCanceledException although nobody cancelled the run: that
        // once escaped the fetcher and stopped the host. It must be recorded like any other failure.
        var timingOut = new TimingOutExchange();
        var fetcher = new OfficialKlineFetcher(timingOut, [_durable], _bus, new FetcherOptions { Symbols = ["BTCUSDT", "ETHUSDT"], Intervals = [Interval.OneMinute] }, _clock);

        Assert.Empty(await fetcher.RunOnceAsync(CancellationToken.None));

        Assert.Equal(2, timingOut.Requests); // the failure of one series does not stop the others
        Assert.Contains("ETHUSDT 1m", fetcher.Status.LastError);
        Assert.Equal((2, 2, true), (fetcher.Status.FailedSeries, fetcher.Status.Series, fetcher.Status.AllFailed));
        Assert.Empty(_bus.Messages);
    }

    [Fact]
    public async Task Our_own_cancellation_still_ends_the_run()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new OfficialKlineFetcher(
            new TimingOutExchange(), [_durable], _bus, new FetcherOptions { Symbols = ["BTCUSDT"], Intervals = [Interval.OneMinute] }, _clock)
            .RunOnceAsync(cancelled.Token));
    }

    [Fact]
    public async Task Data_updated_waits_until_a_queueing_store_has_committed()
    {
        // PostgreSQL alone behind its write queue: the queue accepts at once but the rows are not there.
        var queued = new QueueingStore(_durable);
        var fetcher = new OfficialKlineFetcher(_exchange, [queued], _bus, new FetcherOptions { Symbols = ["BTCUSDT"], Intervals = [Interval.OneMinute], InitialCandles = 5 }, _clock);

        var committed = Assert.Single(await fetcher.RunOnceAsync(CancellationToken.None));

        Assert.Empty(_bus.Messages);
        Assert.Equal(1, fetcher.DeferredAnnouncements);
        queued.Commit();
        await CandleDashboard.Tests.Shared.Eventually.ReachesAsync(() => _bus.Messages.Count, n => n == 1, TimeSpan.FromSeconds(5), "the announcement");
        Assert.Equal(committed, _bus.Messages[0]);
        Assert.Equal(5, (await _durable.GetMetadataAsync(Key(Interval.OneMinute), default))!.Count);
        Assert.Equal(0, fetcher.DeferredAnnouncements);
    }

    [Fact]
    public async Task A_run_inside_the_close_grace_leaves_the_bucket_that_just_closed_for_the_next_run()
    {
        // One second after a minute closed (a run after a backoff or a rate-limit pause may start anywhere):
        // that minute's kline may still change at the exchange, so it is not committed yet.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Midnight + 86_400_000 + 1_000));
        var fetcher = new OfficialKlineFetcher(new FakeExchange(clock), [_durable], _bus, new FetcherOptions { Symbols = ["BTCUSDT"], Intervals = [Interval.OneMinute], InitialCandles = 5 }, clock);

        var first = Assert.Single(await fetcher.RunOnceAsync(CancellationToken.None));
        Assert.Equal(Midnight + 86_400_000 - 120_000, first.To);

        clock.Advance(TimeSpan.FromSeconds(2));
        var second = Assert.Single(await fetcher.RunOnceAsync(CancellationToken.None));
        Assert.Equal((Midnight + 86_400_000 - 60_000, 1), (second.To, second.Count));
    }

    [Fact]
    public async Task Stores_holding_only_a_charts_write_back_are_filled_back_to_the_initial_window()
    {
        // A chart loaded from the exchange before the first run wrote back the 4 newest closed minutes.
        var lastClosed = Interval.OneMinute.Floor(_clock.GetUtcNow().ToUnixTimeMilliseconds()) - 60_000;
        var shown = await _exchange.GetKlinesAsync("BTCUSDT", Interval.OneMinute, lastClosed - (3 * 60_000), lastClosed, 4, default);
        await _durable.UpsertAsync(Key(Interval.OneMinute), shown, default);
        await _hot.UpsertAsync(Key(Interval.OneMinute), shown, default);

        var m1 = Assert.Single(await _fetcher.RunOnceAsync(CancellationToken.None), p => p.Interval == "1m");

        Assert.Equal((lastClosed - (29 * 60_000), lastClosed - (4 * 60_000), 26), (m1.From, m1.To, m1.Count));
        foreach (var store in new[] { _durable, _hot })
        {
            var all = await store.GetRecentAsync(Key(Interval.OneMinute), 100, default);
            Assert.Equal(30, all.Count);
            Assert.All(all.Zip(all.Skip(1)), p => Assert.Equal(p.First.OpenTime + 60_000, p.Second.OpenTime));
        }

        _exchange.Requests.Clear();
        Assert.Empty(await _fetcher.RunOnceAsync(CancellationToken.None));
        Assert.Empty(_exchange.Requests);
    }

    [Fact]
    public async Task A_series_whose_exchange_history_begins_inside_the_initial_window_is_asked_for_its_head_once()
    {
        // A new listing: the exchange has nothing before the stored candles; asking every run would waste the budget.
        var lastClosed = Interval.OneMinute.Floor(_clock.GetUtcNow().ToUnixTimeMilliseconds()) - 60_000;
        var listedAt = lastClosed - (3 * 60_000);
        _exchange.ListedAt = listedAt;
        var fetcher = new OfficialKlineFetcher(_exchange, [_durable], _bus, new FetcherOptions { Symbols = ["BTCUSDT"], Intervals = [Interval.OneMinute], InitialCandles = 30 }, _clock);
        await _durable.UpsertAsync(Key(Interval.OneMinute), await _exchange.GetKlinesAsync("BTCUSDT", Interval.OneMinute, listedAt, lastClosed, 4, default), default);
        _exchange.Requests.Clear();

        Assert.Empty(await fetcher.RunOnceAsync(CancellationToken.None));
        var asked = _exchange.Requests.Count;
        Assert.True(asked > 0);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var next = Assert.Single(await fetcher.RunOnceAsync(CancellationToken.None));

        Assert.Equal((lastClosed + 60_000, 1), (next.From, next.Count));
        Assert.Equal(asked + 1, _exchange.Requests.Count); // the new minute only, not the head again
        Assert.Equal(5, (await _durable.GetMetadataAsync(Key(Interval.OneMinute), default))!.Count);
    }

    [Fact]
    public void The_next_run_is_just_after_the_shortest_interval_closes()
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(Midnight + 20_000);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(Midnight + 30_000 + 2_000), _fetcher.NextRunAfter(now));
    }

    private sealed class RecordingBus : IDataUpdatedBus
    {
        public List<DataUpdated> Messages { get; } = [];

        public Task PublishAsync(DataUpdated message, CancellationToken cancellationToken)
        {
            Messages.Add(message);
            return Task.CompletedTask;
        }

        public IDisposable Subscribe(Action<DataUpdated> handler) => throw new NotSupportedException();
    }

    private sealed class TimingOutExchange : CandleDashboard.Core.Exchange.IKlineSource
    {
        public int Requests { get; private set; }

        public IReadOnlyList<Interval> SupportedIntervals { get; } = [Interval.OneMinute];

        public int MaxKlinesPerRequest => 1000;

        public Task<IReadOnlyList<Candle>> GetKlinesAsync(string symbol, Interval interval, long? startTime, long? endTime, int limit, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Requests++;
            return Task.FromException<IReadOnlyList<Candle>>(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 1 seconds elapsing."));
        }
    }

    private sealed class RateLimitedExchange : CandleDashboard.Core.Exchange.IKlineSource
    {
        public int Requests { get; private set; }

        public IReadOnlyList<Interval> SupportedIntervals { get; } = [Interval.OneMinute, Interval.FiveMinutes];

        public int MaxKlinesPerRequest => 1000;

        public Task<IReadOnlyList<Candle>> GetKlinesAsync(string symbol, Interval interval, long? startTime, long? endTime, int limit, CancellationToken cancellationToken)
        {
            Requests++;
            throw new CandleDashboard.Core.Exchange.ExchangeRateLimitException("fake", TimeSpan.FromSeconds(30), isBanned: false, "429 Too Many Requests");
        }
    }

    private sealed class UnreadableMetadataStore(ICandleStore inner) : ICandleStore
    {
        public string Name => "unreadable";

        public Task UpsertAsync(SeriesKey series, IReadOnlyList<Candle> candles, CancellationToken cancellationToken) => inner.UpsertAsync(series, candles, cancellationToken);

        public Task<IReadOnlyList<Candle>> GetRecentAsync(SeriesKey series, int count, CancellationToken cancellationToken) => inner.GetRecentAsync(series, count, cancellationToken);

        public Task<IReadOnlyList<Candle>> GetRangeAsync(SeriesKey series, long fromOpenTime, long toOpenTime, CancellationToken cancellationToken) => inner.GetRangeAsync(series, fromOpenTime, toOpenTime, cancellationToken);

        public Task<SeriesMetadata?> GetMetadataAsync(SeriesKey series, CancellationToken cancellationToken) => throw new IOException("database restarting");
    }

    private sealed class FailingOnceStore(ICandleStore inner) : ICandleStore
    {
        private bool _failed;

        public string Name => inner.Name;

        public Task UpsertAsync(SeriesKey series, IReadOnlyList<Candle> candles, CancellationToken cancellationToken)
        {
            if (!_failed)
            {
                _failed = true;
                throw new IOException("database restarting");
            }

            return inner.UpsertAsync(series, candles, cancellationToken);
        }

        public Task<IReadOnlyList<Candle>> GetRecentAsync(SeriesKey series, int count, CancellationToken cancellationToken) => inner.GetRecentAsync(series, count, cancellationToken);

        public Task<IReadOnlyList<Candle>> GetRangeAsync(SeriesKey series, long fromOpenTime, long toOpenTime, CancellationToken cancellationToken) => inner.GetRangeAsync(series, fromOpenTime, toOpenTime, cancellationToken);

        public Task<SeriesMetadata?> GetMetadataAsync(SeriesKey series, CancellationToken cancellationToken) => inner.GetMetadataAsync(series, cancellationToken);
    }
}
