using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Market;
using CandleDashboard.Exchange.Kraken.Rest;
using CandleDashboard.Exchange.Kraken.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Exchange.Kraken.Tests.Rest;

/// <summary>The REST client against Kestrel on loopback, the clock faked (rate-limit waits and lockouts).</summary>
public sealed class RestClientTests : IAsyncLifetime
{
    private static readonly long Minute1724 = 1762795440_000; // 2025-11-10 17:24 UTC

    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1762820200)); // 00:16:40, like the recording
    private LoopbackKrakenRest _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackKrakenRest.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private KrakenRestClient Client(Action<KrakenOptions>? configure = null)
    {
        var options = new KrakenOptions { RestBaseUri = _server.BaseUri };
        configure?.Invoke(options);
        return new KrakenRestClient(_http, Options.Create(options), _time, NullLogger<KrakenRestClient>.Instance);
    }

    [Fact]
    public async Task Ohlc_is_asked_by_rest_name_and_filtered_to_the_range()
    {
        var client = Client();

        var candles = await client.GetKlinesAsync("btcusdt", Interval.OneMinute, Minute1724, Minute1724 + 6 * 60_000, 720, default);

        Assert.Equal(["/0/public/AssetPairs", "/0/public/OHLC?pair=XBTUSDT&interval=1&since=1762795439"], _server.Requests);
        Assert.Equal(7, candles.Count);
        Assert.Equal(Minute1724, candles[0].OpenTime);
        Assert.All(candles, c => Assert.True(c.IsClosed));
        Assert.Equal(720, client.MaxKlinesPerRequest);
        Assert.Equal([Interval.OneMinute, Interval.FiveMinutes, Interval.FifteenMinutes, Interval.ThirtyMinutes, Interval.OneHour, Interval.FourHours, Interval.OneDay], client.SupportedIntervals);
    }

    [Fact]
    public async Task A_start_older_than_the_720_candle_window_yields_only_the_window()
    {
        var client = Client();
        var noon = 1762776000_000L; // 12:00, before the answer's first row (12:17)

        var candles = await client.GetKlinesAsync("BTCUSDT", Interval.OneMinute, noon, noon + 30 * 60_000, 720, default);

        Assert.Equal(1762777020_000L, candles[0].OpenTime); // 12:17: nothing older is served
        Assert.Equal(14, candles.Count); // 12:17 .. 12:30
    }

    [Fact]
    public async Task Without_a_start_the_newest_candles_come_back_the_last_one_forming()
    {
        var client = Client();

        var candles = await client.GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 3, default);

        Assert.Equal([1762820100_000L, 1762820160_000, 1762820220_000], candles.Select(c => c.OpenTime));
        Assert.Equal([true, true, false], candles.Select(c => c.IsClosed));
        Assert.EndsWith("OHLC?pair=XBTUSDT&interval=1", _server.Requests.Last());
    }

    [Fact]
    public async Task Trade_history_pages_with_the_nanosecond_cursor()
    {
        var client = Client();

        var page = await client.GetTradesAsync("BTCUSDT", KrakenTradesParserCursor(Minute1724), default);

        Assert.EndsWith("/0/public/Trades?pair=XBTUSDT&since=1762795440000000000", _server.Requests.Last());
        Assert.Equal(1000, page.Trades.Count);
        Assert.Equal(1762820035982277754, page.NextCursor);
        Assert.All(page.Trades, t => Assert.Equal("BTCUSDT", t.Symbol));
    }

    private static long KrakenTradesParserCursor(long ms) => Kraken.Parsing.KrakenTradesParser.CursorAt(ms);

    [Fact]
    public async Task Symbols_come_from_AssetPairs_once_and_are_reused()
    {
        var client = Client();

        var symbols = await client.GetSymbolsAsync(default);
        await client.GetSymbolsAsync(default);

        Assert.Equal(
            [
                new SymbolInfo("BTCUSD", SymbolStatus.Trading, 0.1m, 0.00000001m),
                new SymbolInfo("BTCUSDT", SymbolStatus.Trading, 0.1m, 0.00000001m),
                new SymbolInfo("ETHUSD", SymbolStatus.Trading, 0.01m, 0.00000001m),
                new SymbolInfo("DOGEUSD", SymbolStatus.Halted, 0.0000001m, 0.00000001m),
            ],
            symbols);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Server_time_is_the_middle_of_the_second_kraken_reports()
    {
        var time = await Client().GetServerTimeAsync(default);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1762820000_500), time);
    }

    [Fact]
    public async Task A_symbol_kraken_does_not_list_is_unknown_without_asking_for_its_candles()
    {
        var client = Client();

        var ex = await Assert.ThrowsAsync<UnknownSymbolException>(() => client.GetKlinesAsync("SOLUSD", Interval.OneMinute, null, null, 10, default));

        Assert.Equal(("kraken", "SOLUSD"), (ex.Exchange, ex.Symbol));
        Assert.Equal(["/0/public/AssetPairs"], _server.Requests);
    }

    [Fact]
    public async Task Unknown_asset_pair_from_kraken_is_an_unknown_symbol()
    {
        var client = Client();
        await client.GetSymbolsAsync(default);
        _server.Injected.Enqueue((200, """{"error":["EQuery:Unknown asset pair"]}"""));

        var ex = await Assert.ThrowsAsync<UnknownSymbolException>(() => client.GetKlinesAsync("ETHUSD", Interval.OneMinute, null, null, 10, default));

        Assert.Equal("ETHUSD", ex.Symbol);
        Assert.Contains("EQuery:Unknown asset pair", ex.Message);
    }

    [Theory]
    [InlineData(200, """{"error":["EService:Unavailable"]}""", typeof(ExchangeUnavailableException))]
    [InlineData(200, """{"error":["EService:Busy"]}""", typeof(ExchangeUnavailableException))]
    [InlineData(502, "<html>Bad gateway</html>", typeof(ExchangeUnavailableException))]
    [InlineData(200, """{"error":["EGeneral:Invalid arguments"]}""", typeof(ExchangeRejectedException))]
    [InlineData(200, "<html>a proxy's page</html>", typeof(ExchangeException))]
    [InlineData(200, """{"error":[]}""", typeof(ExchangeException))]
    public async Task Kraken_errors_leave_as_the_core_exceptions(int status, string body, Type expected)
    {
        var client = Client();
        await client.GetSymbolsAsync(default);
        _server.Injected.Enqueue((status, body));

        var ex = await Assert.ThrowsAnyAsync<ExchangeException>(() => client.GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 10, default));

        Assert.IsType(expected, ex);
        Assert.Equal("kraken", ex.Exchange);
    }

    [Fact]
    public async Task Invalid_arguments_keep_kraken_s_category_and_message()
    {
        var client = Client();
        await client.GetSymbolsAsync(default);
        _server.Injected.Enqueue((200, """{"error":["EGeneral:Invalid arguments"]}"""));

        var ex = await Assert.ThrowsAsync<ExchangeRejectedException>(() => client.GetTradesAsync("BTCUSDT", null, default));

        Assert.Equal(("EGeneral", "Invalid arguments", 200), (ex.Code, ex.ExchangeMessage, ex.StatusCode));
    }

    [Fact]
    public async Task Rate_limit_exceeded_blocks_every_request_locally_for_the_penalty()
    {
        var client = Client(o => o.RateLimitPenalty = TimeSpan.FromSeconds(15));
        await client.GetSymbolsAsync(default);
        _server.Injected.Enqueue((200, """{"error":["EAPI:Rate limit exceeded"]}"""));

        var first = await Assert.ThrowsAsync<ExchangeRateLimitException>(() => client.GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 10, default));
        Assert.Equal(TimeSpan.FromSeconds(15), first.RetryAfter);
        Assert.False(first.IsBanned);
        Assert.Contains("EAPI:Rate limit exceeded", first.Message);

        _time.Advance(TimeSpan.FromSeconds(10));
        var refused = await Assert.ThrowsAsync<ExchangeRateLimitException>(() => client.GetTradesAsync("BTCUSDT", null, default));
        Assert.Equal(TimeSpan.FromSeconds(5), refused.RetryAfter);
        Assert.Equal(2, _server.Requests.Count); // AssetPairs and the throttled OHLC: nothing sent while blocked

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1000, (await client.GetTradesAsync("BTCUSDT", null, default)).Trades.Count);
    }

    [Fact]
    public async Task Http_429_is_a_rate_limit_too()
    {
        var client = Client();
        await client.GetSymbolsAsync(default);
        _server.Injected.Enqueue((429, "Too Many Requests"));

        await Assert.ThrowsAsync<ExchangeRateLimitException>(() => client.GetTradesAsync("BTCUSDT", null, default));
    }

    [Fact]
    public async Task A_full_counter_fails_a_chart_load_fast_instead_of_provoking_kraken()
    {
        var client = Client(o => (o.CallCounterMaximum, o.CallCounterDecayPerSecond, o.MaxRateLimitWait) = (4, 0.25, TimeSpan.FromSeconds(1)));
        await client.GetSymbolsAsync(default); // 1
        for (var i = 0; i < 3; i++)
        {
            await client.GetTradesAsync("BTCUSDT", null, default); // 2, 3, 4
        }

        var refused = await Assert.ThrowsAsync<ExchangeRateLimitException>(() => client.GetTradesAsync("BTCUSDT", null, default));

        Assert.Equal(TimeSpan.FromSeconds(4), refused.RetryAfter); // one call's decay at 0.25/s
        Assert.Equal(4, _server.Requests.Count);
    }

    [Fact]
    public async Task Background_requests_wait_below_their_share_while_chart_loads_still_go_through()
    {
        var client = Client(o => (o.CallCounterMaximum, o.CallCounterDecayPerSecond, o.BackgroundCounterShare) = (10, 0.5, 0.5));
        await client.GetSymbolsAsync(default); // counter 1
        Task<KrakenTradePage> catchUp;
        using (ExchangeRequestPriority.BackgroundScope())
        {
            for (var i = 0; i < 4; i++)
            {
                await client.GetTradesAsync("BTCUSDT", null, default); // 2..5: the background share is full
            }

            catchUp = client.GetTradesAsync("BTCUSDT", null, default);
        }

        await Eventually.HoldsAsync(() => client.RateLimitWaits == 1, TimeSpan.FromSeconds(10), "the catch-up waits for room");
        Assert.False(catchUp.IsCompleted);

        // A chart load is not held back by the background share.
        Assert.Equal(1000, (await client.GetTradesAsync("BTCUSDT", null, default)).Trades.Count); // counter 6
        Assert.Equal(6, _server.Requests.Count);

        // Decay to 4 (4 s at 0.5/s) leaves room under the share of 5 again.
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(1000, (await catchUp.WaitAsync(TimeSpan.FromSeconds(10))).Trades.Count);
        Assert.Equal(7, _server.Requests.Count);
    }
}
