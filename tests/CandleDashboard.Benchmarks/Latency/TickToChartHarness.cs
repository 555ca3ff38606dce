using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CandleDashboard.Core.Market;
using CandleDashboard.Simulator;
using CandleDashboard.Tests.Shared.Servers;
using CandleDashboard.Web.Venues;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CandleDashboard.Benchmarks.Latency;

/// <summary>
/// Tick-to-chart latency (issue 2): from a trade leaving the simulator to the chart's last candle
/// showing it in Chromium, at 200 trades/s on one symbol. A trade counts as shown by the first
/// DOM update of the chart whose last candle's volume includes it (cumulative volume of its
/// bucket, which identifies exactly how many of the bucket's trades the candle holds). The same
/// run measures the floor: a raw WebSocket message to a DOM update in the same browser.
/// </summary>
public static class TickToChartHarness
{
    private const int TradesPerSecond = 200;
    private static readonly Interval ChartInterval = Interval.FifteenSeconds;

    /// <param name="onFollower">
    /// Two app instances on one redis-server, the chart open on the follower: its candles are the leader's,
    /// relayed through Redis (issue 12 point 5, "a viewer on a follower instance").
    /// </param>
    public static async Task<int> RunAsync(TimeSpan duration, bool onFollower = false)
    {
        var clock = WallClock.Start();
        await using var exchange = await ExchangeSimulator.StartAsync(new SimulatorOptions { Symbols = ["BTCUSDT"], TradesPerSecondPerSymbol = TradesPerSecond });
        var trades = new ConcurrentQueue<PublishedTrade>();
        exchange.TradePublished += trades.Enqueue;
        await using var redis = onFollower ? await RedisServer.StartAsync() : null;
        string[] settings =
        [
            "--Dashboard:Symbols:0=BTCUSDT",
            "--Persistence:FetchOfficialKlines=false", // official candles would replace what is measured
            .. redis is null ? [] : new[] { $"--ConnectionStrings:Redis={redis.ConnectionString}" },
        ];

        var leader = await SimulatedApp.StartAsync(exchange, settings);
        WebApplication? follower = null;
        try
        {
            if (onFollower)
            {
                follower = await StartFollowerAsync(exchange, leader, settings);
            }

            await using var chromium = await ChromiumSession.LaunchAsync();
            var chart = await MeasureChartAsync(chromium.Browser, AppAddress.Of(follower ?? leader), duration, trades, clock);
            await using var floorServer = await FloorServer.StartAsync(TradesPerSecond, clock);
            var floor = await floorServer.MeasureAsync(chromium.Browser, TimeSpan.FromSeconds(Math.Min(20, duration.TotalSeconds)));

            Report(chart, floor, duration, onFollower ? "on a follower instance (candles relayed from the leader through Redis)" : "on one instance");
            return 0;
        }
        finally
        {
            foreach (var app in new[] { follower, leader })
            {
                if (app is not null)
                {
                    await app.StopAsync();
                    await app.DisposeAsync();
                }
            }
        }
    }

    // The first instance takes the lease at once; the second then follows it.
    private static async Task<WebApplication> StartFollowerAsync(ExchangeSimulator exchange, WebApplication leader, string[] settings)
    {
        var leadership = leader.Services.GetRequiredService<VenueDirectory>().Default.Leadership;
        var waited = Stopwatch.StartNew();
        while (!leadership.IsLeader)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("The first instance did not take the lease within 30 s.");
            }

            await Task.Delay(50); // poll: the lease is taken on the first try
        }

        var follower = await SimulatedApp.StartAsync(exchange, settings);
        return follower.Services.GetRequiredService<VenueDirectory>().Default.Leadership.IsLeader
            ? throw new InvalidOperationException("The second instance leads: the chart would not be on a follower.")
            : follower;
    }

    private static async Task<Percentiles> MeasureChartAsync(IBrowser browser, Uri address, TimeSpan duration, ConcurrentQueue<PublishedTrade> trades, WallClock clock)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 860 } });
        await page.GotoAsync(new Uri(address, $"chart/BTCUSDT/{ChartInterval.Code}").ToString());
        await Assertions.Expect(page.Locator("[data-testid=candle-chart]")).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 30_000 });
        var chart = page.Locator("[data-testid=candle-chart] .js-plotly-plot");

        // A MutationObserver on the plot: plotly changes the SVG synchronously inside update/extend,
        // so the callback sees each redraw as it reaches the DOM.
        await chart.EvaluateAsync("""
            el => {
                window.__shown = [];
                const read = () => {
                    if (!el.data || el.data.length < 2) return;
                    const p = el.data[0], v = el.data[1], n = p.customdata.length;
                    if (!n) return;
                    const t = p.customdata[n - 1], vol = v.y[n - 1];
                    const last = window.__shown[window.__shown.length - 1];
                    if (!last || last.t !== t || last.v !== vol) window.__shown.push({ at: performance.timeOrigin + performance.now(), t, v: vol });
                };
                new MutationObserver(read).observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
            }
            """);
        var measuringFrom = clock.NowMs();
        await Task.Delay(duration); // the measurement window itself, not a wait for a condition
        var shown = (await page.EvaluateAsync<JsonElement>("() => window.__shown")).EnumerateArray()
            .Where(e => e.GetProperty("v").ValueKind == JsonValueKind.Number) // a bar being added has no volume yet
            .Select(e => new ShownCandle(e.GetProperty("at").GetDouble(), e.GetProperty("t").GetInt64(), e.GetProperty("v").GetDouble()))
            .ToList();
        await page.CloseAsync();

        return Percentiles.Of(ShownCandleMatcher.Match(trades.ToArray(), shown, clock, measuringFrom, "BTCUSDT", ChartInterval));
    }

    private static void Report(Percentiles chart, Percentiles floor, TimeSpan duration, string where)
    {
        Console.WriteLine($"tick-to-chart {where} ({TradesPerSecond} trades/s, {ChartInterval} chart, {duration.TotalSeconds:0} s): {chart}");
        Console.WriteLine($"floor (raw WebSocket message → DOM update, {TradesPerSecond} msg/s): {floor}");
        Console.WriteLine($"ratio chart/floor: p50 {chart.P50 / floor.P50:0.0}×, p99 {chart.P99 / floor.P99:0.0}×");
        Console.WriteLine($"target p99 ≤ coalescing window + 25 ms = 125 ms: {(chart.P99 <= 125 ? "met" : "NOT met")}");
    }
}
