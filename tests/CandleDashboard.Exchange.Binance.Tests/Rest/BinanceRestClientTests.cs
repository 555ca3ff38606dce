using System.Net;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Market;
using CandleDashboard.Exchange.Binance.Rest;
using CandleDashboard.Exchange.Binance.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Exchange.Binance.Tests.Rest;

/// <summary>The REST client against Kestrel on loopback.</summary>
public sealed class BinanceRestClientTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(LoopbackRestServer.SeriesEnd - 30_000));
    private LoopbackRestServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackRestServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private BinanceRestClient Client(Action<BinanceOptions>? configure = null)
    {
        var options = new BinanceOptions { RestBaseUri = _server.BaseUri };
        configure?.Invoke(options);
        return new BinanceRestClient(_http, Options.Create(options), _time, NullLogger<BinanceRestClient>.Instance);
    }

    [Fact]
    public async Task Klines_are_requested_with_the_query_and_parsed()
    {
        var client = Client();
        var start = LoopbackRestServer.SeriesStart + 60_000;

        var candles = await client.GetKlinesAsync("btcusdt", Interval.OneMinute, start, start + 120_000, 1000, default);

        Assert.Equal($"/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=1000&startTime={start}&endTime={start + 120_000}", _server.Requests.Single());
        Assert.Equal(3, candles.Count);
        Assert.Equal(new Candle(start, 101m, 102.5m, 100.25m, 101.75m, 1.5m, 100.125m, 1, true, CandleSource.Official), candles[0]);
        Assert.Equal(42, client.LastUsedWeight1m);
    }

    [Fact]
    public async Task Near_the_weight_budget_requests_stop_locally_until_the_next_minute()
    {
        var client = Client();
        _server.UsedWeight = 5_800; // of Binance's 6,000 per minute
        await client.GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 2, default);

        var refused = await Assert.ThrowsAsync<ExchangeRateLimitException>(() => client.GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 2, default));
        Assert.Equal(TimeSpan.FromSeconds(30), refused.RetryAfter); // the clock stands 30 s before the minute ends
        Assert.Single(_server.Requests);

        _server.UsedWeight = 10;
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, (await client.GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 2, default)).Count);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Past_the_background_share_a_catch_up_waits_for_the_next_minute_while_chart_loads_go_on()
    {
        var client = Client();
        _server.UsedWeight = 4_000; // two thirds of the minute's 6,000: past the background share (60 %)
        await client.GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 2, default);

        Task<IReadOnlyList<Candle>> catchUp;
        using (ExchangeRequestPriority.BackgroundScope())
        {
            catchUp = client.GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 2, default);
        }

        // A chart load is not held back.
        Assert.Equal(2, (await client.GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 2, default)).Count);
        Assert.Equal(2, _server.Requests.Count);
        Assert.False(catchUp.IsCompleted);
        Assert.Equal(1, client.BackgroundPauses);

        _server.UsedWeight = 10;
        _time.Advance(TimeSpan.FromSeconds(30)); // the clock stood 30 s before the minute's end
        Assert.Equal(2, (await catchUp.WaitAsync(TimeSpan.FromSeconds(10))).Count);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Most_recent_klines_end_with_the_forming_one()
    {
        var candles = await Client().GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 5, default);

        Assert.Equal(5, candles.Count);
        Assert.Equal(LoopbackRestServer.SeriesEnd - 60_000, candles[^1].OpenTime);
        Assert.False(candles[^1].IsClosed); // server "now" is inside the last minute
        Assert.All(candles.SkipLast(1), c => Assert.True(c.IsClosed));
    }

    [Fact]
    public async Task Unknown_symbol_is_its_own_exception()
    {
        var ex = await Assert.ThrowsAsync<UnknownSymbolException>(() => Client().GetKlinesAsync("NOSUCHCOIN", Interval.OneMinute, null, null, 10, default));

        Assert.Equal("NOSUCHCOIN", ex.Symbol);
        Assert.Equal("binance", ex.Exchange);
        Assert.Contains("Invalid symbol.", ex.Message);
    }

    [Fact]
    public async Task A_refusal_carries_code_and_message_and_a_server_error_is_an_outage()
    {
        _server.Injected.Enqueue((400, """{"code":-1120,"msg":"Invalid interval."}""", null));
        var refused = await Assert.ThrowsAsync<ExchangeRejectedException>(() => Client().GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 10, default));
        Assert.Equal(("-1120", 400, "Invalid interval."), (refused.Code, refused.StatusCode, refused.ExchangeMessage));

        _server.Injected.Enqueue((502, "<html>bad gateway</html>", null));
        var outage = await Assert.ThrowsAsync<ExchangeUnavailableException>(() => Client().GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 10, default));
        Assert.Contains("HTTP 502", outage.Message);
    }

    [Fact]
    public async Task A_malformed_answer_is_an_exchange_exception_not_a_parser_crash()
    {
        _server.Injected.Enqueue((200, "[[1,2,", null));
        var ex = await Assert.ThrowsAsync<ExchangeException>(() => Client().GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 10, default));
        Assert.IsType<FormatException>(ex.InnerException);
    }

    [Fact]
    public async Task An_unreachable_exchange_and_a_timeout_are_outages_not_cancellations()
    {
        var unreachable = new BinanceRestClient(_http, Options.Create(new BinanceOptions { RestBaseUri = new Uri("http://127.0.0.1:1") }), _time, NullLogger<BinanceRestClient>.Instance);
        await Assert.ThrowsAsync<ExchangeUnavailableException>(() => unreachable.GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 10, default));

        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
        _server.Delay = TimeSpan.FromSeconds(5);
        var slow = new BinanceRestClient(impatient, Options.Create(new BinanceOptions { RestBaseUri = _server.BaseUri }), _time, NullLogger<BinanceRestClient>.Instance);
        var ex = await Assert.ThrowsAsync<ExchangeUnavailableException>(() => slow.GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 10, default));
        Assert.Contains("did not answer", ex.Message);
    }

    [Fact]
    public async Task Arguments_the_exchange_would_reject_fail_before_a_request()
    {
        var client = Client();

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetKlinesAsync("BTC/USDT", Interval.OneMinute, null, null, 10, default));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetKlinesAsync("BTCUSDT", Interval.FifteenSeconds, null, null, 10, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 1001, default));
        Assert.Empty(_server.Requests);
        Assert.DoesNotContain(Interval.FifteenSeconds, client.SupportedIntervals);
        Assert.Equal(13, client.SupportedIntervals.Count);
    }

    [Fact]
    public async Task Short_retry_after_is_waited_out_on_the_clock_and_retried_once()
    {
        _server.Injected.Enqueue((429, """{"code":-1003,"msg":"Too many requests."}""", "1"));
        var client = Client();

        var fetch = client.GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 2, default);
        await Eventually.TrueAsync(() => _server.Requests.Count == 1, "first request answered 429");
        Assert.False(fetch.IsCompleted);

        // The wait is on the injected clock: advance it until the retry goes out.
        await Eventually.TrueAsync(() => fetch.IsCompleted, "retry after the Retry-After delay", eachPoll: () => _time.Advance(TimeSpan.FromMilliseconds(250)));

        Assert.Equal(2, (await fetch).Count);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Long_retry_after_throws_and_blocks_further_requests_until_it_passes()
    {
        _server.Injected.Enqueue((429, """{"code":-1003,"msg":"Too many requests."}""", "120"));
        var client = Client();

        var ex = await Assert.ThrowsAsync<ExchangeRateLimitException>(() => client.GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 2, default));
        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
        Assert.False(ex.IsBanned);
        Assert.Contains("Too many requests.", ex.Message);

        _time.Advance(TimeSpan.FromSeconds(60));
        var blocked = await Assert.ThrowsAsync<ExchangeRateLimitException>(() => client.GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 2, default));
        Assert.Equal(TimeSpan.FromSeconds(60), blocked.RetryAfter);
        Assert.Single(_server.Requests); // not sent: calling early escalates to a ban

        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(2, (await client.GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 2, default)).Count);
    }

    [Fact]
    public async Task Ip_ban_is_reported_as_banned()
    {
        _server.Injected.Enqueue((418, """{"code":-1003,"msg":"Way too many requests; IP banned."}""", "600"));

        var ex = await Assert.ThrowsAsync<ExchangeRateLimitException>(() => Client().GetSymbolsAsync(default));

        Assert.True(ex.IsBanned);
        Assert.Equal(TimeSpan.FromMinutes(10), ex.RetryAfter);
    }

    [Fact]
    public async Task Symbols_come_with_status_tick_and_lot_size_and_are_cached()
    {
        var client = Client();

        Assert.Equal(
            [
                new SymbolInfo("BTCUSDT", SymbolStatus.Trading, 0.01m, 0.00001m),
                new SymbolInfo("OLDCOIN", SymbolStatus.Halted, 0m, 0m),
                new SymbolInfo("ETHUSDT", SymbolStatus.Trading, 0m, 0m),
            ],
            await client.GetSymbolsAsync(default));
        await client.GetSymbolsAsync(default);
        Assert.Single(_server.Requests);

        _time.Advance(TimeSpan.FromMinutes(11));
        await client.GetSymbolsAsync(default);
        Assert.Equal(2, _server.Requests.Count);
    }
}
