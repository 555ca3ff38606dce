using System.Globalization;
using CandleDashboard.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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
/// </summary>
public static class PageLoadHarness
{
    private const int HistoryCandles = 300;

    public static async Task<int> RunAsync(int loads)
    {
        var app = await DashboardHost.BuildAsync(
        [
            "--urls=http://127.0.0.1:0",
            "--environment=Production",
            $"--Dashboard:HistoryCandles={HistoryCandles}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        try
        {
            var chartUri = new Uri(AddressOf(app), "chart/BTCUSDT/1m").ToString();
            await using var chromium = await ChromiumSession.LaunchAsync();

            // One unmeasured load: the server's first render, JIT and history caches are warmed,
            // so cold loads measure a fresh browser, not a fresh server.
            await MeasureColdAsync(chromium.Browser, chartUri);

            var cold = new List<double>();
            for (var i = 0; i < loads; i++)
            {
                cold.Add(await MeasureColdAsync(chromium.Browser, chartUri));
            }

            var warm = await MeasureWarmAsync(chromium.Browser, chartUri, loads);
            Console.WriteLine($"page load, chart drawn with {HistoryCandles} candles ({loads} loads each)");
            Console.WriteLine($"  cold (new context): {Describe(cold)}");
            Console.WriteLine($"  warm (same context): {Describe(warm)}");
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<double> MeasureColdAsync(IBrowser browser, string uri)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 860 } });
        var page = await context.NewPageAsync();
        return await LoadAsync(page, uri);
    }

    private static async Task<List<double>> MeasureWarmAsync(IBrowser browser, string uri, int loads)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 860 } });
        var page = await context.NewPageAsync();
        await LoadAsync(page, uri); // fills the cache
        var times = new List<double>();
        for (var i = 0; i < loads; i++)
        {
            times.Add(await LoadAsync(page, uri));
        }

        return times;
    }

    private static async Task<double> LoadAsync(IPage page, string uri)
    {
        await page.GotoAsync(uri, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        var drawn = await page.WaitForFunctionAsync(
            """
            n => {
                const el = document.querySelector('.js-plotly-plot');
                if (!el || !el.data) return false;
                let most = 0;
                for (const trace of el.data) most = Math.max(most, trace.x ? trace.x.length : 0);
                return most >= n ? performance.now() : false;
            }
            """,
            HistoryCandles,
            new PageWaitForFunctionOptions { PollingInterval = null, Timeout = 30_000 });
        return await drawn.JsonValueAsync<double>();
    }

    private static string Describe(List<double> times)
    {
        var sorted = times.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture,
            $"median {median:0} ms, min {sorted[0]:0} ms, max {sorted[^1]:0} ms  [{string.Join(" ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))}]");
    }

    private static Uri AddressOf(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
