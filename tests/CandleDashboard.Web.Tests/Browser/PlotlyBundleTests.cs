using CandleDashboard.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>
/// The plotly the chart page runs is the bundle built from npm (wwwroot/build/plotly-candles.js):
/// exactly the trace types the chart draws, so a trace type added to the chart without being added
/// to the bundle, or one left in the bundle that nothing draws, fails here.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class PlotlyBundleTests(DashboardServer server, BrowserFixture browser) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync(server.BaseAddress);

    public Task DisposeAsync() => BrowserFixture.CloseAsync(_page);

    [Fact]
    public async Task The_page_s_plotly_registers_candlestick_bar_and_scatter_only()
    {
        // EMA draws a scatter line, MACD adds a bar histogram next to the volume bars.
        await _page.GotoAsync("/chart/BTCUSDT/1m?ind=ema(20);macd(12,26,9)");
        await ChartProbe.WaitReadyAsync(_page);
        await _page.WaitForFunctionAsync(
            "() => (document.querySelector('.js-plotly-plot')?.data ?? []).some(t => (t.type || 'scatter') === 'scatter')",
            null, new PageWaitForFunctionOptions { Timeout = 15_000 });

        var registered = await _page.EvaluateAsync<string[]>("() => Object.keys(window.Plotly.PlotSchema.get().traces).sort()");
        var drawn = await _page.EvaluateAsync<string[]>("() => [...new Set(document.querySelector('.js-plotly-plot').data.map(t => t.type || 'scatter'))].sort()");

        Assert.Equal(["bar", "candlestick", "scatter"], registered);
        Assert.Equal(registered, drawn);
    }

    [Fact]
    public async Task Plotly_is_fetched_once_by_its_fingerprinted_address()
    {
        await _page.GotoAsync("/chart/BTCUSDT/1m");
        await ChartProbe.WaitReadyAsync(_page);

        // The library's own basic-build address must not be fetched as well as the page's preload.
        var fetched = await _page.EvaluateAsync<string[]>(
            "() => performance.getEntriesByType('resource').map(r => new URL(r.name).pathname + new URL(r.name).search).filter(p => p.includes('plotly-candles') || p.includes('plotly-basic'))");

        var only = Assert.Single(fetched);
        Assert.Matches("^/" + System.Text.RegularExpressions.Regex.Escape(CandleDashboard.Web.Hosting.PlotlyBundle.BundlePath) + @"\?v=[A-Za-z0-9_-]{12}$", only);
    }
}
