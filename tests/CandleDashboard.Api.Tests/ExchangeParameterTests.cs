using System.Net;
using System.Text.Json;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Venues;
using Microsoft.Extensions.DependencyInjection;

namespace CandleDashboard.Api.Tests;

/// <summary>
/// Both exchanges through the API (issue 11 point 2): <c>?exchange=</c> on every series endpoint, against
/// the zero-config app whose simulator serves Binance and Kraken.
/// </summary>
public sealed class ExchangeParameterTests(ApiServer server) : IClassFixture<ApiServer>
{
    private Venue Kraken => server.Services.GetRequiredService<VenueDirectory>().Get("kraken");

    [Fact]
    public async Task Exchanges_lists_the_served_venues_default_first_with_their_symbols()
    {
        var body = await server.GetJsonAsync("api/exchanges");

        var venues = body.EnumerateArray().Select(v => (
            v.GetProperty("id").GetString(),
            v.GetProperty("name").GetString(),
            v.GetProperty("isDefault").GetBoolean(),
            string.Join(",", v.GetProperty("symbols").EnumerateArray().Select(s => s.GetString())))).ToArray();
        Assert.Equal([("binance", "Binance", true, "BTCUSDT,ETHUSDT,SOLUSDT,BNBUSDT"), ("kraken", "Kraken", false, "BTCUSD,ETHUSD")], venues);
        Assert.Equal(["BTCUSD", "ETHUSD"], (await server.GetJsonAsync("api/symbols?exchange=KRAKEN")).EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task A_kraken_series_is_served_from_kraken_s_own_live_candles()
    {
        await ApiServer.EventuallyAsync(
            () => Task.FromResult(Kraken.Live.TryGetForming("BTCUSD", Interval.OneHour, out _)), "a live Kraken BTCUSD 1h candle", TimeSpan.FromSeconds(20));

        var body = await GetHonouringRetryAfterAsync("api/candles/BTCUSD/1h?exchange=kraken&count=3");
        Kraken.Live.TryGetForming("BTCUSD", Interval.OneHour, out var after);

        Assert.Equal("BTCUSD", body.GetProperty("symbol").GetString());
        var candles = body.GetProperty("candles").EnumerateArray().ToArray();
        Assert.Equal(3, candles.Length);
        var last = candles[^1];
        Assert.Equal("live", last.GetProperty("source").GetString());
        Assert.Equal(after.OpenTime, last.GetProperty("openTime").GetInt64());
        // The feed moves between the reads (and a request that waits out Kraken's Retry-After spans many
        // trades): the served close is one the live candle had, so it lies inside the hour's range as it is now.
        var close = decimal.Parse(last.GetProperty("close").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(close, after.Low, after.High);
        Assert.Equal(after.Open, decimal.Parse(last.GetProperty("open").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        // Two hours back is Kraken's official OHLC (the hour just closed may still be the live-built one).
        Assert.Equal("official", candles[0].GetProperty("source").GetString());
    }

    [Theory]
    [InlineData("api/candles/BTCUSD/1m")]
    [InlineData("api/candles/BTCUSDT/1m?exchange=kraken")]
    public async Task A_symbol_belongs_to_its_venue(string path)
    {
        // Kraken's pair on the default venue, and Binance's symbol on Kraken: both unknown there.
        using var response = await server.Client.GetAsync(path);
        var body = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Unknown symbol", body.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("api/candles/BTCUSD/1m?exchange=coinbase")]
    [InlineData("api/candles/BTCUSD/1m/latest?exchange=coinbase")]
    [InlineData("api/live-candle?symbol=BTCUSD&interval=1m&exchange=coinbase")]
    [InlineData("api/indicators/BTCUSD/1m?name=ema&period=21&exchange=coinbase")]
    [InlineData("api/symbols?exchange=coinbase")]
    public async Task An_unknown_exchange_is_a_404_naming_the_served_ones(string path)
    {
        using var response = await server.Client.GetAsync(path);
        var body = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Unknown exchange", body.GetProperty("title").GetString());
        Assert.Equal("Unknown exchange 'coinbase'. Offered: binance, kraken.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Kraken_indicators_are_computed_over_kraken_s_candles()
    {
        // Pinned to a page of closed candles, so both requests read the same ones.
        var recent = await GetHonouringRetryAfterAsync("api/candles/ETHUSD/1h?exchange=kraken&count=2&includeLive=false");
        var before = recent.GetProperty("candles")[1].GetProperty("openTime").GetInt64() + 1;
        var candles = await GetHonouringRetryAfterAsync($"api/candles/ETHUSD/1h?exchange=kraken&before={before}&count=32");
        var sma = await GetHonouringRetryAfterAsync($"api/indicators/ETHUSD/1h?exchange=kraken&name=sma&period=3&before={before}&count=30");

        var closes = candles.GetProperty("candles").EnumerateArray().Select(c => Number(c.GetProperty("close"))).ToArray();
        var values = sma.GetProperty("values").EnumerateArray().Select(v => Number(v.GetProperty("values").GetProperty("sma"))).ToArray();
        Assert.Equal(32, closes.Length);
        // Each value averages three Kraken closes, the first two of the first one from before the page (its warm-up).
        Assert.Equal(Enumerable.Range(0, 30).Select(i => closes[i..(i + 3)].Sum() / 3), values);
    }

    /// <summary>
    /// As a client should: a 503 (Kraken's call counter full right after the app started, its buffers and
    /// fetcher filling) is asked again after its Retry-After, within a deadline; any other status is final.
    /// </summary>
    private async Task<JsonElement> GetHonouringRetryAfterAsync(string path)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await server.Client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTimeOffset.UtcNow > deadline)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
            }

            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }

    private static decimal Number(JsonElement text) => decimal.Parse(text.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
