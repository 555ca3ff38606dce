using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CandleDashboard.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace CandleDashboard.Benchmarks.Latency;

/// <summary>
/// Chart navigation in Chromium (issue 9): how long scroll-back takes from asking for an older page
/// to it being drawn (first visit: the pages come from the exchange; second visit: from the stores),
/// how far back 1m goes, and what a chart holding 5,000 candles costs per live update and per pan step.
/// </summary>
/// <remarks>
/// The simulator keeps 45,000 candles per interval (31 days of 1m). Scroll-back times are the chart's
/// own (<c>stats().scrollBackMs</c>: request sent to <c>Plotly.update</c> done). Update and pan costs
/// wrap <c>window.Plotly.update</c>, <c>extendTraces</c> and <c>relayout</c> in the page, so they time the
/// chart's real calls (plotly draws synchronously inside them), live updates coming from real trades.
/// </remarks>
public static class ChartNavigationHarness
{
    private const int SimulatedHistory = 45_000;

    public static async Task<int> RunAsync(int storePages)
    {
        await using var exchange = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Symbols = ["BTCUSDT"],
            TradesPerSecondPerSymbol = 20,
            HistoryCandlesPerInterval = SimulatedHistory,
        });
        var app = await SimulatedApp.StartAsync(exchange, "--Dashboard:Symbols:0=BTCUSDT");
        try
        {
            await using var chromium = await ChromiumSession.LaunchAsync();
            var chart = new Uri(AppAddress.Of(app), "chart/BTCUSDT/1m?tz=UTC&scale=linear").ToString();

            var (fromExchange, oldest) = await ScrollBackAsync(chromium.Browser, chart, maxPages: 60);
            var days = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - oldest) / 86_400_000.0;
            Console.WriteLine($"scroll-back, 1m, first visit (pages from the exchange): {Describe(fromExchange)}");
            Console.WriteLine($"  reached {DateTimeOffset.FromUnixTimeMilliseconds(oldest):u} ({days:0.0} days back, {fromExchange.Count} pages)");
            var (fromStores, _) = await ScrollBackAsync(chromium.Browser, chart, maxPages: storePages);
            Console.WriteLine($"scroll-back, 1m, second visit (first {storePages} pages, from the stores): {Describe(fromStores)}");

            await HeldCandlesAsync(chromium.Browser, chart);
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Pans left with the arrow key until <paramref name="maxPages"/> older pages are drawn (or the start).</summary>
    private static async Task<(List<double> Times, long Oldest)> ScrollBackAsync(IBrowser browser, string uri, int maxPages)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 860 } });
        var page = await context.NewPageAsync();
        await OpenAsync(page, uri);
        for (var i = 0; i < 8; i++)
        {
            await page.Keyboard.PressAsync("-"); // ~740 candles in view: fewer key presses per page
        }

        var deadline = Stopwatch.StartNew();
        var pages = 0;
        while (pages < maxPages && deadline.Elapsed < TimeSpan.FromMinutes(8))
        {
            await page.Keyboard.PressAsync("ArrowLeft");
            var state = await page.EvaluateAsync<JsonElement>(
                "async () => { const m = await import('/js/candleChart.js'); return { n: m.stats().scrollBackMs.length }; }");
            pages = state.GetProperty("n").GetInt32();
            if (await AtStartAsync(page) && !await OlderPageLandsAsync(page))
            {
                break;
            }
        }

        var result = await page.EvaluateAsync<JsonElement>(
            "async () => { const m = await import('/js/candleChart.js'); return { times: m.stats().scrollBackMs, oldest: document.querySelector('.js-plotly-plot')._candleSeries.t[0] }; }");
        return ([.. result.GetProperty("times").EnumerateArray().Select(e => e.GetDouble())], result.GetProperty("oldest").GetInt64());
    }

    // The view has passed the oldest held candle. A page may still be on its way (the first ones come
    // from the exchange): the start is reached only when none lands within 10 s.
    private static async Task<bool> OlderPageLandsAsync(IPage page)
    {
        var oldest = await page.EvaluateAsync<long>("() => document.querySelector('.js-plotly-plot')._candleSeries.t[0]");
        try
        {
            await page.WaitForFunctionAsync("oldest => document.querySelector('.js-plotly-plot')._candleSeries.t[0] < oldest", oldest, new() { Timeout = 10_000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    // The view's right edge is before the oldest held candle.
    private static Task<bool> AtStartAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => { const el = document.querySelector('.js-plotly-plot'); const xa = el._fullLayout.xaxis; return xa.r2l(xa.range[1]) < el._candleSeries.t[0]; }");

    /// <summary>5,000 candles held (zoomed out until the cap), live updates and pan steps timed, wide and zoomed in.</summary>
    private static async Task HeldCandlesAsync(IBrowser browser, string uri)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 860 } });
        var page = await context.NewPageAsync();
        await OpenAsync(page, uri);
        for (var i = 0; i < 60 && await CountAsync(page) < 5000; i++)
        {
            await page.Keyboard.PressAsync("-");
            await page.WaitForTimeoutAsync(250); // let each page load land before zooming further (a benchmark, not a test)
        }

        var held = await CountAsync(page);
        await InstrumentAsync(page);
        foreach (var (label, keys) in new[] { ("zoomed out (2,000 candles visible, the widest view)", Array.Empty<string>()), ("zoomed to the latest 120", new[] { "End", "Home" }) })
        {
            foreach (var key in keys)
            {
                await page.Keyboard.PressAsync(key);
            }

            await page.EvaluateAsync("() => { window.__timings = { update: [], extend: [], relayout: [], draw: [] }; }");
            var drawsBefore = await FormingDrawsAsync(page);
            await page.WaitForTimeoutAsync(12_000); // live updates arrive from the feed meanwhile
            var live = (await FormingDrawsAsync(page)).Skip(drawsBefore.Count).ToList();
            var frames = await PanAsync(page, 40);
            var drag = await DragFpsAsync(page);
            var drawn = await page.EvaluateAsync<int>("() => document.querySelector('.js-plotly-plot').data[0].x.length");
            Console.WriteLine($"{held} candles held, {label}, {drawn} drawn by plotly:");
            Console.WriteLine($"  live update (the forming candle's draw: in place, or a plotly redraw when it must): {Percentiles.Of(live)}");
            Console.WriteLine($"  keyboard pan step (one redraw with fitted axes and ticks): {Percentiles.Of(frames.Steps)} → {frames.Fps:0} steps/s");
            Console.WriteLine($"  mouse drag: {drag:0} frames/s over a 1 s drag (plotly moves the plot; one redraw at release)");
        }
    }

    private static async Task OpenAsync(IPage page, string uri)
    {
        await page.GotoAsync(uri);
        await page.WaitForSelectorAsync(".js-plotly-plot[data-view=ready]", new() { Timeout = 30_000 });
        await page.Mouse.MoveAsync(700, 400);
    }

    private static Task<int> CountAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.querySelector('.js-plotly-plot')._candleSeries.t.length");

    // Wraps plotly's drawing calls to time each (plotly draws synchronously inside them).
    private static Task InstrumentAsync(IPage page) => page.EvaluateAsync("""
        () => {
            window.__timings = { update: [], extend: [], relayout: [], draw: [] };
            for (const [name, key] of [['update', 'update'], ['extendTraces', 'extend'], ['relayout', 'relayout']]) {
                const original = window.Plotly[name].bind(window.Plotly);
                window.Plotly[name] = async (...args) => {
                    const start = performance.now();
                    try { return await original(...args); } finally {
                        const ms = performance.now() - start;
                        window.__timings[key].push(ms);
                        if (key !== 'extend') window.__timings.draw.push(ms); // a pan step is one or the other
                    }
                };
            }
        }
        """);

    // The chart's own figure per forming-candle draw (the newest 1,000; 12 s of updates stay well under it).
    private static async Task<List<double>> FormingDrawsAsync(IPage page) =>
        [.. await page.EvaluateAsync<double[]>("async () => (await import('/js/candleChart.js')).stats().formingDrawMs")];

    /// <summary>Presses the arrow keys <paramref name="steps"/> times, each after the previous pan was drawn.</summary>
    private static async Task<(List<double> Steps, double Fps)> PanAsync(IPage page, int steps)
    {
        var result = await page.EvaluateAsync<JsonElement>($$"""
            async () => {
                const el = document.querySelector('.js-plotly-plot');
                const start = performance.now(), before = window.__timings.draw.length;
                for (let i = 0; i < {{steps}}; i++) {
                    const n = window.__timings.draw.length;
                    document.dispatchEvent(new KeyboardEvent('keydown', { key: i % 2 ? 'ArrowRight' : 'ArrowLeft', bubbles: true }));
                    // A step is a relayout while plotly's window covers the view, else an update with a new window.
                    while (window.__timings.draw.length === n) await new Promise(r => setTimeout(r, 0));
                    await new Promise(r => requestAnimationFrame(() => r()));
                }
                return { elapsed: performance.now() - start, steps: window.__timings.draw.slice(before) };
            }
            """);
        var stepTimes = result.GetProperty("steps").EnumerateArray().Select(e => e.GetDouble()).ToList();
        return (stepTimes, steps / (result.GetProperty("elapsed").GetDouble() / 1000));
    }

    /// <summary>Frames Chromium painted per second while the mouse dragged the plot for about a second.</summary>
    private static async Task<double> DragFpsAsync(IPage page)
    {
        var box = (await page.Locator(".js-plotly-plot").BoundingBoxAsync())!;
        var y = box.Y + (box.Height * 0.4f);
        await page.EvaluateAsync("() => { window.__frames = 0; const count = () => { window.__frames++; if (window.__counting) requestAnimationFrame(count); }; window.__counting = true; window.__dragStart = performance.now(); requestAnimationFrame(count); }");
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.3f), y);
        await page.Mouse.DownAsync();
        for (var i = 1; i <= 30; i++)
        {
            await page.Mouse.MoveAsync(box.X + (box.Width * (0.3f + (i * 0.01f))), y);
            await page.WaitForTimeoutAsync(33);
        }

        var fps = await page.EvaluateAsync<double>("() => { window.__counting = false; return window.__frames / ((performance.now() - window.__dragStart) / 1000); }");
        await page.Mouse.UpAsync();
        return fps;
    }

    private static string Describe(List<double> samples)
    {
        var p = Percentiles.Of(samples);
        return string.Create(CultureInfo.InvariantCulture, $"n={p.Count} p50={p.P50:0} ms p95={p.P95:0} ms max={p.Max:0} ms");
    }
}
