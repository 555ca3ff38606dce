using System.Net;
using System.Text.Json;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Market;
using Microsoft.Extensions.DependencyInjection;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Api.Tests;

public sealed class CandleEndpointTests(ApiServer server) : IClassFixture<ApiServer>
{
    private ILiveCandleStream Live => server.Services.GetRequiredService<VenueDirectory>().Default.Live;

    private async Task<Candle> FormingAsync(string symbol, Interval interval)
    {
        var candle = default(Candle);
        await ApiServer.EventuallyAsync(() => Task.FromResult(Live.TryGetForming(symbol, interval, out candle)), $"a live {symbol} {interval} candle");
        return candle;
    }

    [Fact]
    public async Task Candles_returns_count_ascending_with_the_live_candle_last()
    {
        var before = await FormingAsync("BTCUSDT", Interval.OneMinute);

        var body = await server.GetJsonAsync("api/candles/btcusdt/1m?count=50");
        Live.TryGetForming("BTCUSDT", Interval.OneMinute, out var after);

        Assert.Equal("BTCUSDT", body.GetProperty("symbol").GetString());
        Assert.Equal("1m", body.GetProperty("interval").GetString());
        Assert.Contains(body.GetProperty("source").GetString(), new[] { "memory", "exchange" });
        var gap = body.GetProperty("gap");
        Assert.Equal(60_000, gap.GetProperty("intervalMilliseconds").GetInt64());
        Assert.Equal(gap.GetProperty("missingCandles").GetInt64() > 0, gap.GetProperty("hasGap").GetBoolean());

        var candles = body.GetProperty("candles").EnumerateArray().ToArray();
        Assert.Equal(50, candles.Length);
        var openTimes = candles.Select(c => c.GetProperty("openTime").GetInt64()).ToArray();
        Assert.All(openTimes.Zip(openTimes.Skip(1)), p => Assert.Equal(60_000, p.Second - p.First));
        Assert.All(candles[..^1], c => Assert.True(c.GetProperty("closed").GetBoolean()));

        // The live candle moves while the request runs: it lies between the snapshots taken around it.
        var last = candles[^1];
        Assert.Equal("live", last.GetProperty("source").GetString());
        Assert.False(last.GetProperty("closed").GetBoolean());
        var openTime = last.GetProperty("openTime").GetInt64();
        Assert.InRange(openTime, before.OpenTime, after.OpenTime);
        if (before.OpenTime == after.OpenTime)
        {
            Assert.InRange(last.GetProperty("tradeCount").GetInt64(), before.TradeCount, after.TradeCount);
        }

        // Prices are decimal strings (exact), high/low bound open/close.
        var high = decimal.Parse(last.GetProperty("high").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var low = decimal.Parse(last.GetProperty("low").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var close = decimal.Parse(last.GetProperty("close").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(close, low, high);
    }

    [Fact]
    public async Task Candles_equal_the_live_candle_exactly_when_the_feed_is_between_trades()
    {
        await FormingAsync("ETHUSDT", Interval.OneDay);

        // Retry until no trade lands during the request: then the served candle must equal the forming one field for field.
        await ApiServer.EventuallyAsync(async () =>
        {
            Live.TryGetForming("ETHUSDT", Interval.OneDay, out var before);
            var body = await server.GetJsonAsync("api/candles/ETHUSDT/1d?count=3");
            Live.TryGetForming("ETHUSDT", Interval.OneDay, out var after);
            if (before != after)
            {
                return false;
            }

            var last = body.GetProperty("candles").EnumerateArray().Last();
            Assert.Equal(before.OpenTime, last.GetProperty("openTime").GetInt64());
            Assert.Equal(before.Open.ToString(System.Globalization.CultureInfo.InvariantCulture), last.GetProperty("open").GetString());
            Assert.Equal(before.High.ToString(System.Globalization.CultureInfo.InvariantCulture), last.GetProperty("high").GetString());
            Assert.Equal(before.Low.ToString(System.Globalization.CultureInfo.InvariantCulture), last.GetProperty("low").GetString());
            Assert.Equal(before.Close.ToString(System.Globalization.CultureInfo.InvariantCulture), last.GetProperty("close").GetString());
            Assert.Equal(before.Volume.ToString(System.Globalization.CultureInfo.InvariantCulture), last.GetProperty("volume").GetString());
            Assert.Equal(before.QuoteVolume.ToString(System.Globalization.CultureInfo.InvariantCulture), last.GetProperty("quoteVolume").GetString());
            Assert.Equal(before.TradeCount, last.GetProperty("tradeCount").GetInt64());
            return true;
        }, "a request served between two trades");
    }

    [Fact]
    public async Task Candles_without_live_are_closed_only()
    {
        await FormingAsync("BTCUSDT", Interval.OneMinute);
        var body = await server.GetJsonAsync("api/candles/BTCUSDT/1m?count=20&includeLive=false");
        var candles = body.GetProperty("candles").EnumerateArray().ToArray();
        Assert.Equal(20, candles.Length);
        Assert.All(candles, c => Assert.True(c.GetProperty("closed").GetBoolean()));
        Assert.All(candles, c => Assert.Equal("official", c.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task Candles_default_to_100()
    {
        await FormingAsync("SOLUSDT", Interval.OneMinute);
        var body = await server.GetJsonAsync("api/candles/SOLUSDT/1m");
        Assert.Equal(100, body.GetProperty("candles").GetArrayLength());
    }

    [Fact]
    public async Task Latest_is_the_live_candle()
    {
        var before = await FormingAsync("BTCUSDT", Interval.FiveMinutes);
        var body = await server.GetJsonAsync("api/candles/BTCUSDT/5m/latest");
        Live.TryGetForming("BTCUSDT", Interval.FiveMinutes, out var after);

        Assert.Equal("BTCUSDT", body.GetProperty("symbol").GetString());
        Assert.Equal("5m", body.GetProperty("interval").GetString());
        var candle = body.GetProperty("candle");
        Assert.Equal("live", candle.GetProperty("source").GetString());
        Assert.InRange(candle.GetProperty("openTime").GetInt64(), before.OpenTime, after.OpenTime);
    }

    [Fact]
    public async Task Live_candle_matches_the_stream()
    {
        var before = await FormingAsync("BNBUSDT", Interval.FifteenMinutes);
        var body = await server.GetJsonAsync("api/live-candle?symbol=BNBUSDT&interval=15m");
        Live.TryGetForming("BNBUSDT", Interval.FifteenMinutes, out var after);

        var candle = body.GetProperty("candle");
        Assert.Equal("live", candle.GetProperty("source").GetString());
        Assert.False(candle.GetProperty("closed").GetBoolean());
        Assert.InRange(candle.GetProperty("openTime").GetInt64(), before.OpenTime, after.OpenTime);
        Assert.InRange(candle.GetProperty("tradeCount").GetInt64(), before.OpenTime == after.OpenTime ? before.TradeCount : 1, after.TradeCount);
    }

    [Fact]
    public async Task Symbols_and_intervals_list_the_configuration()
    {
        var symbols = await server.GetJsonAsync("api/symbols");
        Assert.Equal(new[] { "BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT" }, symbols.EnumerateArray().Select(s => s.GetString()!).ToArray());

        var intervals = await server.GetJsonAsync("api/intervals");
        Assert.Equal(
            Interval.Defaults.Select(i => (i.Code, i.Milliseconds)).ToArray(),
            intervals.EnumerateArray().Select(i => (i.GetProperty("code").GetString()!, i.GetProperty("milliseconds").GetInt64())).ToArray());
    }

    [Fact]
    public async Task No_endpoint_accepts_writes()
    {
        using var post = await server.Client.PostAsync("api/candles/BTCUSDT/1m", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        using var save = await server.Client.PostAsync("api/save-live-candle", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
        Assert.Equal("application/problem+json", save.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_endpoints()
    {
        var doc = await server.GetJsonAsync("openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("/api/candles/{symbol}/{interval}", paths);
        Assert.Contains("/api/candles/{symbol}/{interval}/latest", paths);
        Assert.Contains("/api/live-candle", paths);
        Assert.Contains("/api/candles/{symbol}/{interval}/live-accuracy", paths);
        Assert.Contains("/api/symbols", paths);
        Assert.Contains("/api/intervals", paths);
        Assert.DoesNotContain(paths, p => p.Contains("save", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task OpenApi_document_describes_paging_parameters_and_fields()
    {
        var doc = await server.GetJsonAsync("openapi/v1.json");
        var operation = doc.GetProperty("paths").GetProperty("/api/candles/{symbol}/{interval}").GetProperty("get");
        var parameters = operation.GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p);

        Assert.Equal("query", parameters["before"].GetProperty("in").GetString());
        Assert.Contains("exclusive", parameters["before"].GetProperty("description").GetString());
        Assert.Contains("nextBefore", parameters["before"].GetProperty("description").GetString());
        Assert.Contains("inclusive", parameters["endTime"].GetProperty("description").GetString());
        Assert.Contains("endTime=T is before=T+1", parameters["endTime"].GetProperty("description").GetString());
        Assert.Contains("1 to 1000", parameters["count"].GetProperty("description").GetString());
        Assert.Contains("Not with before/endTime", parameters["includeLive"].GetProperty("description").GetString());
        Assert.Contains("reachedStart", operation.GetProperty("description").GetString());

        var response = doc.GetProperty("components").GetProperty("schemas").GetProperty("CandlesResponse").GetProperty("properties");
        Assert.Contains("nothing older", response.GetProperty("reachedStart").GetProperty("description").GetString());
        Assert.Contains("first candle's open time", response.GetProperty("nextBefore").GetProperty("description").GetString());
    }

    [Fact]
    public async Task OpenApi_document_describes_live_vs_official()
    {
        var doc = await server.GetJsonAsync("openapi/v1.json");
        var schemas = doc.GetProperty("components").GetProperty("schemas");

        Assert.True(schemas.GetProperty("CandleJson").GetProperty("properties").TryGetProperty("liveDelta", out _));
        var delta = schemas.GetProperty("LiveDeltaJson").GetProperty("properties");
        Assert.Equal(
            ["close", "high", "low", "matched", "open", "tradeCount", "volume"],
            delta.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Official close − live close.", delta.GetProperty("close").GetProperty("description").GetString());
        var accuracy = schemas.GetProperty("LiveAccuracyJson").GetProperty("properties");
        Assert.Contains("every close matched", accuracy.GetProperty("largestCloseDifference").GetProperty("description").GetString());
        var operation = doc.GetProperty("paths").GetProperty("/api/candles/{symbol}/{interval}/live-accuracy").GetProperty("get");
        Assert.Contains("liveDelta", operation.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Live_accuracy_of_a_served_series_starts_empty_and_counts_only_replaced_live_candles()
    {
        // A daily candle never closes during the test run: nothing was replaced, nothing compared.
        var body = await server.GetJsonAsync("api/candles/ethusdt/1d/live-accuracy");

        Assert.Equal(("ETHUSDT", "1d", 100, 0, 0), (body.GetProperty("symbol").GetString(), body.GetProperty("interval").GetString(), body.GetProperty("window").GetInt32(), body.GetProperty("compared").GetInt32(), body.GetProperty("matched").GetInt32()));
        Assert.Equal("0", body.GetProperty("largestCloseDifference").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("latest").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("largestCloseDifferenceAt").ValueKind);
        // Its candles: official history the server never built live carries no liveDelta.
        var candles = (await server.GetJsonAsync("api/candles/ETHUSDT/1d?count=5&includeLive=false")).GetProperty("candles");
        Assert.All(candles.EnumerateArray(), c => Assert.False(c.TryGetProperty("liveDelta", out _)));
    }

    [Fact]
    public async Task A_recent_answer_carries_the_cursor_of_the_page_before_it()
    {
        await FormingAsync("BTCUSDT", Interval.OneMinute);
        var body = await server.GetJsonAsync("api/candles/BTCUSDT/1m?count=30");

        var first = body.GetProperty("candles")[0].GetProperty("openTime").GetInt64();
        Assert.Equal(first, body.GetProperty("nextBefore").GetInt64());
        Assert.False(body.GetProperty("reachedStart").GetBoolean());
        Assert.Equal(JsonValueKind.Object, body.GetProperty("gap").ValueKind);
    }
}
