using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CandleDashboard.Admin.Tests.Infrastructure;
using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Admin.Status;
using Microsoft.Extensions.DependencyInjection;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Admin.Tests.Http;

/// <summary>
/// Live vs official end to end in the real app (in-process simulator, in-memory stores, the real
/// fetcher): a 15s candle closes live, the fetcher commits the exchange's kline for it, and the
/// official candle then carries liveDelta = official − live in /api/candles, and the series'
/// summary shows on the live-accuracy endpoint, the admin buffer API and page rows and /metrics.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class LiveVsOfficialTests(AdminServer server)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_official_candle_replacing_a_live_one_carries_its_delta_everywhere()
    {
        // The live candles exactly as the server built them, to check the delta against.
        var closedLive = new ConcurrentDictionary<long, Candle>();
        using var subscription = server.Services.GetRequiredService<VenueDirectory>().Default.Live.SubscribeAll(update =>
        {
            if (update is { Symbol: "BTCUSDT", Candle: { IsClosed: true, Source: CandleSource.Live } candle } && update.Interval == Interval.FifteenSeconds)
            {
                closedLive[candle.OpenTime] = candle;
            }
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        // Waited for in the process (the API is rate-limited per client, and a poll is not a client):
        // the server has compared a live candle this test saw close with its official kline.
        var liveDeltas = server.Services.GetRequiredService<VenueDirectory>().Default.LiveDeltas;
        var openTime = await Eventually.ReachesAsync(
            () => closedLive.Keys.Where(t => liveDeltas.DeltaAt("BTCUSDT", Interval.FifteenSeconds, t) is not null).DefaultIfEmpty(-1).Max(),
            t => t > 0,
            Deadline,
            "a BTCUSDT 15s live candle this test saw close, replaced by its official kline");

        var candles = (await http.GetFromJsonAsync<JsonElement>("api/candles/BTCUSDT/15s?count=40&includeLive=false")).GetProperty("candles");
        var officialCandle = candles.EnumerateArray().Single(c => c.GetProperty("openTime").GetInt64() == openTime);
        var liveDelta = officialCandle.GetProperty("liveDelta");
        var live = closedLive[openTime];
        Assert.Equal("official", officialCandle.GetProperty("source").GetString());
        Assert.Equal(D(officialCandle, "open") - live.Open, D(liveDelta, "open"));
        Assert.Equal(D(officialCandle, "high") - live.High, D(liveDelta, "high"));
        Assert.Equal(D(officialCandle, "low") - live.Low, D(liveDelta, "low"));
        Assert.Equal(D(officialCandle, "close") - live.Close, D(liveDelta, "close"));
        Assert.Equal(D(officialCandle, "volume") - live.Volume, D(liveDelta, "volume"));
        Assert.Equal(officialCandle.GetProperty("tradeCount").GetInt64() - live.TradeCount, liveDelta.GetProperty("tradeCount").GetInt64());
        var matched = new[] { "open", "high", "low", "close", "volume" }.All(f => D(liveDelta, f) == 0m) && liveDelta.GetProperty("tradeCount").GetInt64() == 0;
        Assert.Equal(matched, liveDelta.GetProperty("matched").GetBoolean());

        // History the server never built live (40 × 15 s reaches back before this app started) has no delta.
        var all = candles;
        Assert.False(all[0].TryGetProperty("liveDelta", out _), $"the oldest candle {all[0]} predates the app: no live version");
        // The forming candle is live: no delta either.
        var forming = (await http.GetFromJsonAsync<JsonElement>("api/live-candle?symbol=BTCUSDT&interval=15s")).GetProperty("candle");
        Assert.False(forming.TryGetProperty("liveDelta", out _));

        // The per-series summary, public.
        var accuracy = await http.GetFromJsonAsync<JsonElement>("api/candles/btcusdt/15s/live-accuracy");
        AssertSummary(accuracy);

        // The admin buffer API carries the same summary.
        using var admin = new AdminClient(server.BaseAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.LoginAsync(AdminServer.Username, AdminServer.Password)).StatusCode);
        var buffer = await admin.Http.GetFromJsonAsync<JsonElement>("api/buffers/BTCUSDT/15s");
        AssertSummary(buffer.GetProperty("liveAccuracy"));
        var untouched = await admin.Http.GetFromJsonAsync<JsonElement>("api/buffers/BTCUSDT/1d");
        Assert.Equal(0, untouched.GetProperty("liveAccuracy").GetProperty("compared").GetInt32());

        // The admin page's row for the series (the grid's view model).
        var row = server.Services.GetRequiredService<AdminStatusSource>().Take().Buffers.Single(r => r.Key == "BTCUSDT-15s");
        Assert.NotNull(row.LiveAccuracy);
        Assert.Equal($"{row.LiveAccuracy.Matched} of {row.LiveAccuracy.Compared}", row.LiveMatched);
        Assert.Equal(row.LiveAccuracy.LargestCloseDifference.ToString(CultureInfo.InvariantCulture), row.LargestCloseDifference);

        // And the metric, per symbol, interval and outcome.
        var metrics = await Eventually.ReachesAsync(
            () => http.GetStringAsync("metrics"),
            text => text.Contains("candledashboard_live_delta_compared_total{", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20),
            "live_delta in /metrics");
        var outcome = matched ? "matched" : "differed";
        var line = metrics.Split('\n').First(l =>
            l.StartsWith("candledashboard_live_delta_compared_total{", StringComparison.Ordinal)
            && l.Contains("symbol=\"BTCUSDT\"", StringComparison.Ordinal)
            && l.Contains("interval=\"15s\"", StringComparison.Ordinal)
            && l.Contains($"outcome=\"{outcome}\"", StringComparison.Ordinal));
        Assert.True(double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture) >= 1, line);
        Assert.Contains("candledashboard_live_delta_largest_close_difference", metrics);
    }

    private static void AssertSummary(JsonElement summary)
    {
        Assert.Equal("BTCUSDT", summary.GetProperty("symbol").GetString());
        Assert.Equal("15s", summary.GetProperty("interval").GetString());
        Assert.Equal(100, summary.GetProperty("window").GetInt32());
        var compared = summary.GetProperty("compared").GetInt32();
        Assert.InRange(compared, 1, 100);
        Assert.Equal(compared, summary.GetProperty("matched").GetInt32() + summary.GetProperty("differing").GetInt32());
        Assert.True(summary.GetProperty("comparedSinceStart").GetInt64() >= compared);
        Assert.True(D(summary, "largestCloseDifference") >= 0m);
        Assert.Equal(JsonValueKind.Object, summary.GetProperty("latest").ValueKind);
    }

    private static decimal D(JsonElement element, string name) =>
        decimal.Parse(element.GetProperty(name).GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);
}
