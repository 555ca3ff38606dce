using CandleDashboard.Core.Market;
using System.Collections.Concurrent;
using System.Text.Json;
using CandleDashboard.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace CandleDashboard.Benchmarks.Latency;

/// <summary>
/// A page of four charts with three indicators each, at the full live rate, next to one such chart
/// (issue 10): the frames per second Chromium manages (requestAnimationFrame callbacks: a busy main
/// thread shows as fewer) and update-to-pixel latency, from a trade leaving the simulator to the
/// chart's forming candle showing it (matched by cumulative volume, as the tick-to-chart harness does),
/// per chart. 20 trades/s per symbol, so every 15s series gets its ≤ 10 coalesced updates a second.
/// </summary>
public static class LayoutHarness
{
    private const int TradesPerSecond = 20;

    // Live updates drawn by editing plotly's elements instead of a plotly redraw (chartForming.js), on the page.
    private const string InPlaceScript =
        "() => [...document.querySelectorAll('[data-testid=candle-chart] .js-plotly-plot')].reduce((sum, el) => sum + Number(el.dataset.formingPatches || 0), 0)";
    private const string Indicators = "ema(21);bollinger(20,2);rsi(14)";
    private static readonly string[] Symbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT"];

    public static async Task<int> RunAsync(TimeSpan duration)
    {
        var clock = WallClock.Start();
        await using var exchange = await ExchangeSimulator.StartAsync(new SimulatorOptions { Symbols = Symbols, TradesPerSecondPerSymbol = TradesPerSecond });
        var trades = new ConcurrentQueue<PublishedTrade>();
        exchange.TradePublished += trades.Enqueue;

        var app = await SimulatedApp.StartAsync(
            exchange,
            "--Persistence:FetchOfficialKlines=false"); // official candles would replace what is measured
        try
        {
            await using var chromium = await ChromiumSession.LaunchAsync();
            var address = AppAddress.Of(app);
            var ind = Uri.EscapeDataString(Indicators);
            var single = await MeasureAsync(chromium.Browser, new Uri(address, $"chart/BTCUSDT/15s?tz=UTC&ind={ind}"), 1, duration, trades, clock);
            var slots = string.Concat(Symbols.Skip(1).Select((s, k) => $"&c{k + 2}={Uri.EscapeDataString($"{s}/15s/{Indicators}")}"));
            var grid = await MeasureAsync(chromium.Browser, new Uri(address, $"chart/BTCUSDT/15s?tz=UTC&ind={ind}&layout=4{slots}"), 4, duration, trades, clock);

            Console.WriteLine($"one chart, 3 indicators ({duration.TotalSeconds:0} s): {single.Fps:0.0} frames/s, update-to-pixel {single.Latency}, {single.InPlace} updates drawn in place");
            Console.WriteLine($"2x2, 3 indicators each ({duration.TotalSeconds:0} s): {grid.Fps:0.0} frames/s, update-to-pixel {grid.Latency}, {grid.InPlace} updates drawn in place");
            foreach (var (symbol, latency) in grid.PerChart)
            {
                Console.WriteLine($"  {symbol}: {latency}");
            }

            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<(double Fps, Percentiles Latency, IReadOnlyList<(string Symbol, Percentiles Latency)> PerChart, int InPlace)> MeasureAsync(
        IBrowser browser, Uri url, int charts, TimeSpan duration, ConcurrentQueue<PublishedTrade> trades, WallClock clock)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 860 } });
        await page.GotoAsync(url.ToString());
        await page.WaitForFunctionAsync(
            "n => { const els = [...document.querySelectorAll('[data-testid=candle-chart] .js-plotly-plot')]; return els.length === n && els.every(el => el.dataset.view === 'ready' && (el.dataset.indicators || '').split(';').length === 3 && el.data.length === 8); }",
            charts,
            new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 100 });

        // Per plot, each redraw that changed its newest candle (see TickToChartHarness); and a frame counter.
        await page.EvaluateAsync("""
            () => {
                window.__shown = [];
                window.__frames = 0;
                const tick = () => { window.__frames++; requestAnimationFrame(tick); };
                requestAnimationFrame(tick);
                for (const el of document.querySelectorAll('[data-testid=candle-chart] .js-plotly-plot')) {
                    let last = null;
                    const read = () => {
                        if (!el.data || el.data.length < 2) return;
                        const p = el.data[0], v = el.data[1], n = p.customdata.length;
                        if (!n) return;
                        const t = p.customdata[n - 1], vol = v.y[n - 1];
                        if (!last || last.t !== t || last.v !== vol) {
                            last = { symbol: p.name, at: performance.timeOrigin + performance.now(), t, v: vol };
                            window.__shown.push(last);
                        }
                    };
                    new MutationObserver(read).observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
                }
            }
            """);
        var measuringFrom = clock.NowMs();
        var framesBefore = await page.EvaluateAsync<int>("() => window.__frames");
        var inPlaceBefore = await page.EvaluateAsync<int>(InPlaceScript);
        await Task.Delay(duration); // the measurement window itself, not a wait for a condition
        var frames = await page.EvaluateAsync<int>("() => window.__frames") - framesBefore;
        var inPlace = await page.EvaluateAsync<int>(InPlaceScript) - inPlaceBefore;
        var shown = (await page.EvaluateAsync<JsonElement>("() => window.__shown")).EnumerateArray()
            .Where(e => e.GetProperty("v").ValueKind == JsonValueKind.Number)
            .Select(e => (Symbol: e.GetProperty("symbol").GetString()!, Shown: new ShownCandle(e.GetProperty("at").GetDouble(), e.GetProperty("t").GetInt64(), e.GetProperty("v").GetDouble())))
            .ToList();
        await page.CloseAsync();

        var all = new List<double>();
        var perChart = new List<(string, Percentiles)>();
        foreach (var symbol in Symbols.Take(charts))
        {
            var latencies = ShownCandleMatcher.Match(trades.ToArray(), [.. shown.Where(s => s.Symbol == symbol).Select(s => s.Shown)], clock, measuringFrom, symbol, Interval.FifteenSeconds);
            all.AddRange(latencies);
            perChart.Add((symbol, Percentiles.Of(latencies)));
        }

        return (frames / duration.TotalSeconds, Percentiles.Of(all), perChart, inPlace);
    }
}
