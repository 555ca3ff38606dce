using System.Globalization;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Fetching;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Core.Storage.InMemory;
using CandleDashboard.Exchange.Kraken.Candles;
using CandleDashboard.Exchange.Kraken.Parsing;
using CandleDashboard.Exchange.Kraken.Rest;
using CandleDashboard.Exchange.Kraken.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Exchange.Kraken.Tests.Candles;

/// <summary>
/// The adapter's candle source against the loopback REST peer serving the recorded XBT/USDT answers
/// (trades 17:23:53 .. 00:13:55, 1m OHLC 12:17 .. 00:17 on 2025-11-10/11), the clock faked to place
/// Kraken's 720-candle window where each test needs it.
/// </summary>
public sealed class KlineSourceTests : IAsyncLifetime
{
    private static readonly long FirstFullMinute = At("2025-11-10T17:24:00Z");
    private static readonly long LastFullMinute = At("2025-11-11T00:12:00Z");

    private readonly HttpClient _http = new();
    private FakeTimeProvider _time = new();
    private LoopbackKrakenRest _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackKrakenRest.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Candles_older_than_the_ohlc_window_are_built_from_trades_and_equal_the_official_ohlc_on_all_409_minutes()
    {
        var (source, _) = Source("2025-11-11T13:00:00Z"); // window edge 01:02: all of the recording is older

        var candles = await source.GetKlinesAsync("BTCUSDT", Interval.OneMinute, FirstFullMinute, LastFullMinute, 720, default);

        var official = RecordedOhlc();
        Assert.Equal(409, candles.Count);
        Assert.Equal(Enumerable.Range(0, 409).Select(i => FirstFullMinute + (i * 60_000L)), candles.Select(c => c.OpenTime));
        foreach (var candle in candles)
        {
            var expected = official[candle.OpenTime];
            Assert.Equal(
                (expected.Open, expected.High, expected.Low, expected.Close, expected.Volume, expected.TradeCount),
                (candle.Open, candle.High, candle.Low, candle.Close, candle.Volume, candle.TradeCount));
            Assert.Equal((true, CandleSource.OfficialFromTrades), (candle.IsClosed, candle.Source));
        }

        Assert.Equal(137, candles.Count(c => c.TradeCount == 0)); // flat at the previous close, as Kraken publishes them
        Assert.DoesNotContain(_server.Requests, r => r.Contains("/OHLC", StringComparison.Ordinal));
        Assert.Equal("/0/public/Trades?pair=XBTUSDT&since=1762795140000000000", _server.Requests.ElementAt(1)); // 17:19: five minutes of lookback for the price before
    }

    [Fact]
    public async Task A_range_inside_the_window_is_served_by_ohlc_as_official_rows()
    {
        var (source, _) = Source("2025-11-11T00:16:40Z"); // the recording's own moment: window 12:17 .. 00:16
        var from = At("2025-11-10T18:00:00Z");

        var candles = await source.GetKlinesAsync("BTCUSDT", Interval.OneMinute, from, from + (10 * 60_000), 720, default);

        var official = RecordedOhlc();
        Assert.Equal(11, candles.Count);
        Assert.All(candles, c => Assert.Equal(official[c.OpenTime], c));
        Assert.All(candles, c => Assert.Equal(CandleSource.Official, c.Source));
        Assert.Equal(["/0/public/AssetPairs", "/0/public/OHLC?pair=XBTUSDT&interval=1&since=1762797599"], _server.Requests);
    }

    [Fact]
    public async Task A_range_straddling_the_window_edge_is_built_from_trades_before_it_and_ohlc_after_it_contiguously()
    {
        var (source, _) = Source("2025-11-11T07:58:30Z"); // edge: 07:58 − 718 min = 20:00
        var edge = At("2025-11-10T20:00:00Z");
        Assert.Equal(edge, KrakenKlineSource.OhlcEdge(Interval.OneMinute, _time.GetUtcNow().ToUnixTimeMilliseconds()));

        var candles = await source.GetKlinesAsync("BTCUSDT", Interval.OneMinute, edge - (10 * 60_000), edge + (9 * 60_000), 720, default);

        Assert.Equal(Enumerable.Range(-10, 20).Select(i => edge + (i * 60_000L)), candles.Select(c => c.OpenTime)); // contiguous, each once
        Assert.All(candles.Take(10), c => Assert.Equal(CandleSource.OfficialFromTrades, c.Source));
        Assert.All(candles.Skip(10), c => Assert.Equal(CandleSource.Official, c.Source));
        var official = RecordedOhlc();
        Assert.All(candles, c => Assert.Equal(
            (official[c.OpenTime].Open, official[c.OpenTime].High, official[c.OpenTime].Low, official[c.OpenTime].Close, official[c.OpenTime].Volume, official[c.OpenTime].TradeCount),
            (c.Open, c.High, c.Low, c.Close, c.Volume, c.TradeCount)));
        Assert.Equal("/0/public/OHLC?pair=XBTUSDT&interval=1&since=1762804799", _server.Requests.Last());
    }

    [Fact]
    public async Task The_core_fetcher_fills_a_gap_beyond_the_window_from_trades_and_the_rest_from_ohlc_with_the_same_candles()
    {
        var (source, _) = Source("2025-11-11T07:58:30Z"); // 1m window edge 20:00; the last final minute 07:57
        var store = new InMemoryCandleStore();
        var fetcher = new OfficialKlineFetcher(source, [store], new InMemoryDataUpdatedBus(), new FetcherOptions
        {
            Exchange = "kraken",
            Symbols = ["BTCUSDT"],
            Intervals = [Interval.OneMinute],
            InitialCandles = 778, // from 19:00: an hour before the edge
        }, _time);

        var published = Assert.Single(await fetcher.RunOnceAsync(default));

        // The recorded OHLC ends at 00:16 (closed); nothing is invented after it.
        var from = At("2025-11-10T19:00:00Z");
        var stored = await store.GetRangeAsync(new SeriesKey("kraken", "BTCUSDT", Interval.OneMinute), 0, long.MaxValue, default);
        Assert.Equal((from, At("2025-11-11T00:16:00Z"), 317), (published.From, published.To, published.Count));
        Assert.Equal(Enumerable.Range(0, 317).Select(i => from + (i * 60_000L)), stored.Select(c => c.OpenTime));
        Assert.All(stored.Take(60), c => Assert.Equal(CandleSource.OfficialFromTrades, c.Source));
        Assert.All(stored.Skip(60), c => Assert.Equal(CandleSource.Official, c.Source));
        var official = RecordedOhlc();
        Assert.All(stored, c => Assert.Equal(
            (official[c.OpenTime].Open, official[c.OpenTime].High, official[c.OpenTime].Low, official[c.OpenTime].Close, official[c.OpenTime].Volume, official[c.OpenTime].TradeCount),
            (c.Open, c.High, c.Low, c.Close, c.Volume, c.TradeCount)));
    }

    [Theory]
    [InlineData("15s")]
    [InlineData("30s")]
    public async Task Seconds_candles_are_built_from_trades_each_the_fold_of_its_trades_and_they_roll_up_to_the_official_minute(string code)
    {
        Assert.True(Interval.TryParse(code, out var interval));
        var (source, _) = Source("2025-11-11T00:16:40Z");
        Assert.Contains(interval, source.SupportedIntervals); // asked for directly, not resampled from 1m
        var end = LastFullMinute + 60_000 - interval.Milliseconds;

        // Through the core's official reader, as the fetcher reads: 1,636 (818) candles, three (two) requests.
        var candles = await new OfficialKlineReader(source).ReadClosedAsync("BTCUSDT", interval, FirstFullMinute, end, _time.GetUtcNow().ToUnixTimeMilliseconds(), default);

        var perMinute = (int)(60_000 / interval.Milliseconds);
        Assert.Equal(409 * perMinute, candles.Count);
        Assert.All(candles, c => Assert.Equal((true, CandleSource.OfficialFromTrades), (c.IsClosed, c.Source)));
        var trades = RecordedTrades();
        foreach (var candle in candles)
        {
            Assert.Equal(Fold(trades, candle.OpenTime, interval), candle with { Source = CandleSource.Live });
        }

        var official = RecordedOhlc();
        foreach (var minute in candles.Chunk(perMinute))
        {
            var expected = official[minute[0].OpenTime];
            var traded = minute.Where(c => c.TradeCount > 0).ToArray();
            var rolled = traded.Length == 0
                ? (minute[0].Open, minute[0].High, minute[0].Low, minute[^1].Close, 0m, 0L)
                : (traded[0].Open, traded.Max(c => c.High), traded.Min(c => c.Low), minute[^1].Close, minute.Sum(c => c.Volume), minute.Sum(c => c.TradeCount));
            Assert.Equal((expected.Open, expected.High, expected.Low, expected.Close, expected.Volume, expected.TradeCount), rolled);
        }
    }

    [Fact]
    public async Task Leading_empty_buckets_stand_at_the_price_of_the_1m_ohlc_row_before_when_the_lookback_has_no_trade()
    {
        // Nothing traded from 18:15:50.373 (105717.2) to 18:23:23.348: the five-minute lookback from 18:21 is empty.
        var (source, _) = Source("2025-11-11T00:16:40Z");
        var from = At("2025-11-10T18:21:00Z");

        var candles = await source.GetKlinesAsync("BTCUSDT", Interval.FifteenSeconds, from, from + (15 * 15_000), 720, default);

        Assert.Equal(Enumerable.Range(0, 16).Select(i => from + (i * 15_000L)), candles.Select(c => c.OpenTime));
        Assert.All(candles.Take(9), c => Assert.Equal((105717.2m, 105717.2m, 105717.2m, 105717.2m, 0m, 0L), (c.Open, c.High, c.Low, c.Close, c.Volume, c.TradeCount)));
        var trades = RecordedTrades();
        Assert.All(candles, c => Assert.Equal(Fold(trades, c.OpenTime, Interval.FifteenSeconds), c with { Source = CandleSource.Live }));
        Assert.Contains("/0/public/OHLC?pair=XBTUSDT&interval=1&since=1762798799", _server.Requests); // the 18:20 row
    }

    [Fact]
    public async Task A_start_inside_a_bucket_asks_from_the_next_bucket_and_without_a_start_the_newest_come_back_the_last_forming()
    {
        var (source, _) = Source("2025-11-11T00:14:05Z"); // after the recording's last trade (00:13:55.982)
        var from = At("2025-11-10T18:00:00Z");

        var inside = await source.GetKlinesAsync("BTCUSDT", Interval.ThirtySeconds, from + 1, from + 60_000, 720, default);
        var newest = await source.GetKlinesAsync("BTCUSDT", Interval.ThirtySeconds, null, null, 3, default);

        Assert.Equal([from + 30_000, from + 60_000], inside.Select(c => c.OpenTime));
        Assert.Equal([At("2025-11-11T00:13:00Z"), At("2025-11-11T00:13:30Z"), At("2025-11-11T00:14:00Z")], newest.Select(c => c.OpenTime));
        Assert.Equal([true, true, false], newest.Select(c => c.IsClosed)); // 00:14:00 is forming, flat at the last price
        Assert.Equal((0L, 0m), (newest[^1].TradeCount, newest[^1].Volume));
        Assert.Equal(RecordedTrades()[^1].Price, newest[^1].Close);
    }

    [Fact]
    public async Task Without_a_trade_in_the_lookback_or_a_1m_row_a_range_begins_at_its_first_trade()
    {
        var (source, _) = Source("2025-11-11T13:00:00Z"); // 18:20 has left the 1m window
        var from = At("2025-11-10T18:21:00Z");

        var candles = await source.GetKlinesAsync("BTCUSDT", Interval.FifteenSeconds, from, from + (15 * 15_000), 720, default);

        Assert.Equal(At("2025-11-10T18:23:15Z"), candles[0].OpenTime); // no price to stand empty buckets at: nothing invented
        Assert.Equal(7, candles.Count);
        Assert.DoesNotContain(_server.Requests, r => r.Contains("/OHLC", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Trade_pages_wait_at_background_priority_even_for_a_chart_load_while_ohlc_chart_loads_go_through()
    {
        var (source, rest) = Source("2025-11-11T00:16:40Z", o => (o.CallCounterMaximum, o.CallCounterDecayPerSecond, o.BackgroundCounterShare) = (10, 0.5, 0.5));
        await rest.GetPairMapAsync(default); // counter 1
        for (var i = 0; i < 4; i++)
        {
            Assert.True(rest.CallCounter.TryTake(10, out _)); // 5: the background share is full
        }

        var from = At("2025-11-10T18:00:00Z");
        var building = source.GetKlinesAsync("BTCUSDT", Interval.FifteenSeconds, from, from + (59 * 15_000), 720, default);

        await Eventually.HoldsAsync(() => rest.RateLimitWaits >= 1, TimeSpan.FromSeconds(10), "the trade page waits for room below the background share");
        Assert.False(building.IsCompleted);
        Assert.DoesNotContain(_server.Requests, r => r.Contains("/Trades", StringComparison.Ordinal));

        // The same source's OHLC answer to a chart load is not held back.
        Assert.Equal(11, (await source.GetKlinesAsync("BTCUSDT", Interval.OneMinute, from, from + (10 * 60_000), 720, default)).Count);

        for (var i = 0; i < 20 && !building.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(10)); // the counter decays; each page then finds room
            await Task.WhenAny(building, Task.Delay(100));
        }

        var candles = await building.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(60, candles.Count);
    }

    [Fact]
    public async Task A_rate_limit_on_a_trade_page_surfaces_as_the_core_exception_not_an_empty_result()
    {
        var (source, rest) = Source("2025-11-11T00:16:40Z");
        await rest.GetPairMapAsync(default);
        _server.Injected.Enqueue((200, """{"error":["EAPI:Rate limit exceeded"]}"""));

        var reader = new OfficialKlineReader(source);
        var limited = await Assert.ThrowsAsync<ExchangeRateLimitException>(() =>
            reader.ReadClosedAsync("BTCUSDT", Interval.ThirtySeconds, FirstFullMinute, LastFullMinute, _time.GetUtcNow().ToUnixTimeMilliseconds(), default));

        Assert.Equal("kraken", limited.Exchange);
        Assert.Equal(TimeSpan.FromSeconds(15), limited.RetryAfter); // the lockout, during which nothing is sent
        Assert.Contains("/0/public/Trades?pair=XBTUSDT", _server.Requests.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trade_budget_returns_the_complete_buckets_read_so_far()
    {
        var (source, _) = Source("2025-11-11T13:00:00Z", o => o.TradeCandlesMaxTradesForeground = 1000);

        // Up to 00:14 needs the page after the recorded one; the budget of one page stops before it.
        var candles = await source.GetKlinesAsync("BTCUSDT", Interval.OneMinute, FirstFullMinute, LastFullMinute + (2 * 60_000), 720, default);

        Assert.Equal(LastFullMinute, candles[^1].OpenTime); // 00:13 holds the last trade read: not final, left out
        Assert.Equal(409, candles.Count);
        Assert.Single(_server.Requests, r => r.Contains("/Trades", StringComparison.Ordinal));
    }

    private (KrakenKlineSource Source, KrakenRestClient Client) Source(string now, Action<KrakenOptions>? configure = null)
    {
        _time = new FakeTimeProvider(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));
        var options = new KrakenOptions { RestBaseUri = _server.BaseUri };
        configure?.Invoke(options);
        var rest = new KrakenRestClient(_http, Options.Create(options), _time, NullLogger<KrakenRestClient>.Instance);
        return (new KrakenKlineSource(rest, new TradeCandleReader(rest, new KrakenTradeHistory(rest), options, _time), _time), rest);
    }

    /// <summary>The bucket computed directly from the trades (first, max, min, last, sums; flat at the previous price when empty).</summary>
    private static Candle Fold(IReadOnlyList<Trade> trades, long openTime, Interval interval)
    {
        var inside = trades.Where(t => t.Time >= openTime && t.Time < openTime + interval.Milliseconds).ToArray();
        if (inside.Length == 0)
        {
            var before = trades.Last(t => t.Time < openTime).Price;
            return new Candle(openTime, before, before, before, before, 0m, 0m, 0, true, CandleSource.Live);
        }

        return new Candle(openTime, inside[0].Price, inside.Max(t => t.Price), inside.Min(t => t.Price), inside[^1].Price,
            inside.Sum(t => t.Quantity), inside.Sum(t => t.Price * t.Quantity), inside.Length, true, CandleSource.Live);
    }

    private static IReadOnlyList<Trade> RecordedTrades()
    {
        var page = KrakenTradesParser.Parse(KrakenSamples.RecordedResult("XBTUSDT-trades.json", out var envelope), "BTCUSDT");
        envelope.Dispose();
        return page.Trades;
    }

    private static Dictionary<long, Candle> RecordedOhlc()
    {
        var rows = KrakenOhlcParser.Parse(KrakenSamples.RecordedResult("XBTUSDT-ohlc-1m.json", out var envelope), out _);
        envelope.Dispose();
        return rows.ToDictionary(c => c.OpenTime);
    }

    private static long At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
}
