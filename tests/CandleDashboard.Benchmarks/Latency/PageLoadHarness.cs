using System.Globalization;
using CandleDashboard.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CandleDashboard.Benchmarks.Latency;

/// <summary>
/// Page load: navigation start to the moment the chart's plot holds its history, in Chromium.
/// "Cold" loads each use a new browser context (empty cache, new connection); "warm" loads reuse
/// one context that has loaded the page before (a returning visitor). The moment is taken inside
/// the page: a requestAnimationFrame poll returns <c>performance.now()</c> (milliseconds since
/// navigation start) at the first frame whose plotly graph (<c>.js-plotly-plot</c>) holds at least
/// the configured number of candles, so the figure does not depend on the chart's own markup.
/// The floor (<see cref="PlotlyFloorPage"/>: the same plotly from the same server drawing as many
/// inline candles) is measured the same way in the same run, each app load followed by a floor
/// load, so both see the same machine.
/// </summary>
public static class PageLoadHarness
{
    private const int HistoryCandles = 300;

    private static readonly ColorScheme Scheme = Environment.GetEnvironmentVariable("PAGELOAD_SCHEME") == "dark" ? ColorScheme.Dark : ColorScheme.Light;

    public static async Task<int> RunAsync(int loads, bool trace = false)
    {
        var app = await DashboardHost.BuildAsync(
        [
            "--urls=http://127.0.0.1:0",
            "--environment=Production",
            $"--Dashboard:HistoryCandles={HistoryCandles}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        PlotlyFloorPage.Map(app, HistoryCandles);
        await app.StartAsync();
        try
        {
            var chartUri = new Uri(AppAddress.Of(app), "chart/BTCUSDT/1m").ToString();
            var floorUri = new Uri(AppAddress.Of(app), PlotlyFloorPage.Path).ToString();
            await using var chromium = await ChromiumSession.LaunchAsync();

            // One unmeasured load of each: the server's first render, JIT and history caches are
            // warmed, so cold loads measure a fresh browser, not a fresh server.
            await MeasureColdAsync(chromium.Browser, chartUri);
            await MeasureColdAsync(chromium.Browser, floorUri);

            if (trace)
            {
                await TraceAsync(chromium.Browser, chartUri);
                return 0;
            }

            var cold = new List<double>();
            var floorCold = new List<double>();
            for (var i = 0; i < loads; i++)
            {
                cold.Add(await MeasureColdAsync(chromium.Browser, chartUri));
                floorCold.Add(await MeasureColdAsync(chromium.Browser, floorUri));
            }

            var (warm, floorWarm) = await MeasureWarmAsync(chromium.Browser, chartUri, floorUri, loads);
            Console.WriteLine($"page load, chart drawn with {HistoryCandles} candles ({loads} loads each; floor = {PlotlyFloorPage.Path})");
            Console.WriteLine($"  cold (new context):   app   {Describe(cold)}");
            Console.WriteLine($"                        floor {Describe(floorCold)}");
            Console.WriteLine($"                        app / floor (medians) {Median(cold) / Median(floorCold):0.00}");
            Console.WriteLine($"  warm (same context):  app   {Describe(warm)}");
            Console.WriteLine($"                        floor {Describe(floorWarm)}");
            Console.WriteLine($"                        app / floor (medians) {Median(warm) / Median(floorWarm):0.00}");
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>One cold load's timeline: when each resource was fetched and when the plot held its candles.</summary>
    private static async Task TraceAsync(IBrowser browser, string uri)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 860 }, ColorScheme = Scheme });
        var page = await context.NewPageAsync();
        // Chromium's own timeline over the DevTools protocol: which main-thread work the load cost.
        var cdp = await context.NewCDPSessionAsync(page);
        var events = new List<System.Text.Json.JsonElement>();
        var complete = new TaskCompletionSource();
        cdp.Event("Tracing.dataCollected").OnEvent += (_, e) =>
        {
            if (e is { } data)
            {
                lock (events)
                {
                    events.AddRange(data.GetProperty("value").EnumerateArray().Select(v => v.Clone()));
                }
            }
        };
        cdp.Event("Tracing.tracingComplete").OnEvent += (_, _) => complete.TrySetResult();
        await cdp.SendAsync("Tracing.start", new Dictionary<string, object> { ["categories"] = "devtools.timeline,v8.execute", ["transferMode"] = "ReportEvents" });
        var drawn = await LoadAsync(page, uri);
        await cdp.SendAsync("Tracing.end");
        await complete.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Console.WriteLine(MainThreadSummary(events));
        var timeline = await page.EvaluateAsync<string>(
            """
            () => {
                const n = performance.getEntriesByType('navigation')[0];
                const lines = [`document: response ${n.responseEnd.toFixed(0)} ms, DOMContentLoaded ${n.domContentLoadedEventEnd.toFixed(0)} ms, load ${n.loadEventEnd.toFixed(0)} ms`];
                for (const r of performance.getEntriesByType('resource')) {
                    lines.push(`${r.startTime.toFixed(0).padStart(6)} → ${r.responseEnd.toFixed(0).padStart(6)} ms  ${(r.encodedBodySize / 1024).toFixed(0).padStart(6)} KiB  ${r.initiatorType.padEnd(8)} ${r.name.replace(location.origin, '')}`);
                }
                for (const p of performance.getEntriesByType('paint')) lines.push(`${p.name}: ${p.startTime.toFixed(0)} ms`);
                return lines.join('\n');
            }
            """);
        Console.WriteLine(timeline);
        Console.WriteLine($"plot holds its candles: {drawn:0} ms");
    }

    /// <summary>Where the renderer's main thread spent the load: top-level task time by event name.</summary>
    private static string MainThreadSummary(List<System.Text.Json.JsonElement> events)
    {
        var mainThread = events
            .Where(e => e.TryGetProperty("name", out var n) && n.GetString() == "thread_name"
                && e.GetProperty("args").GetProperty("name").GetString() == "CrRendererMain")
            .Select(e => (Pid: e.GetProperty("pid").GetInt32(), Tid: e.GetProperty("tid").GetInt32()))
            .ToHashSet();
        var totals = events
            .Where(e => e.TryGetProperty("ph", out var ph) && ph.GetString() == "X" && e.TryGetProperty("dur", out _)
                && mainThread.Contains((e.GetProperty("pid").GetInt32(), e.GetProperty("tid").GetInt32())))
            .GroupBy(e => e.GetProperty("name").GetString()!)
            .Select(g => (Name: g.Key, Ms: g.Sum(e => e.GetProperty("dur").GetDouble()) / 1000, Count: g.Count()))
            .OrderByDescending(t => t.Ms)
            .Take(14);
        return string.Join('\n', totals.Select(t => string.Create(CultureInfo.InvariantCulture, $"  {t.Ms,8:0} ms  {t.Count,5}×  {t.Name}")));
    }

    private static async Task<double> MeasureColdAsync(IBrowser browser, string uri)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 860 }, ColorScheme = Scheme });
        var page = await context.NewPageAsync();
        return await LoadAsync(page, uri);
    }

    /// <summary>Reloads in two contexts, one per page (each filled by one unmeasured load first), alternating.</summary>
    private static async Task<(List<double> App, List<double> Floor)> MeasureWarmAsync(IBrowser browser, string appUri, string floorUri, int loads)
    {
        await using var appContext = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 860 }, ColorScheme = Scheme });
        await using var floorContext = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 860 }, ColorScheme = Scheme });
        var appPage = await appContext.NewPageAsync();
        var floorPage = await floorContext.NewPageAsync();
        await LoadAsync(appPage, appUri); // fills the cache
        await LoadAsync(floorPage, floorUri);
        var app = new List<double>();
        var floor = new List<double>();
        for (var i = 0; i < loads; i++)
        {
            app.Add(await LoadAsync(appPage, appUri));
            floor.Add(await LoadAsync(floorPage, floorUri));
        }

        return (app, floor);
    }

    private static async Task<double> LoadAsync(IPage page, string uri)
    {
        await page.GotoAsync(uri, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        var drawn = await page.WaitForFunctionAsync(
            """
            n => {
                // The chart's plot (drawn from the first response, or by the circuit) counts once it is shown
                // with its view set, holding the candles (it hands plotly only a window of them); the
                // floor's once plotly holds them.
                const el = document.querySelector('.js-plotly-plot');
                if (!el || !el.data) return false;
                if (el.classList.contains('candle-chart')) {
                    return el.dataset.view === 'ready' && el._candleSeries && el._candleSeries.t.length >= n ? performance.now() : false;
                }
                let most = 0;
                for (const trace of el.data) most = Math.max(most, trace.x ? trace.x.length : 0);
                return most >= n ? performance.now() : false;
            }
            """,
            HistoryCandles,
            new PageWaitForFunctionOptions { PollingInterval = null, Timeout = 30_000 });
        return await drawn.JsonValueAsync<double>();
    }

    private static double Median(List<double> times)
    {
        var sorted = times.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Describe(List<double> times)
    {
        var sorted = times.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"median {Median(times):0} ms, min {sorted[0]:0} ms, max {sorted[^1]:0} ms  [{string.Join(" ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))}]");
    }

}
