using CandleDashboard.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>
/// The server coalesces to at most 10 updates/s per series and sends each as one interop call
/// carrying one candle; this counts what the browser actually receives.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class UpdateRateTests(DashboardServer server, BrowserFixture browser) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync(server.BaseAddress);

    public Task DisposeAsync() => BrowserFixture.CloseAsync(_page);

    [Fact]
    public async Task A_busy_series_reaches_the_browser_at_most_about_ten_times_a_second()
    {
        await _page.GotoAsync("/chart/BTCUSDT/15s");
        await ChartProbe.WaitReadyAsync(_page);

        // Counted inside the page over a fixed window of the page's own clock (this measures a rate;
        // it does not wait for a condition).
        var stats = await _page.EvaluateAsync<UpdateStats>("""
            async () => {
                const chart = await import('/js/candleChart.js');
                const before = chart.stats();
                const started = performance.now();
                await new Promise(resolve => setTimeout(resolve, 3000));
                const after = chart.stats();
                return { updates: after.updates - before.updates, seconds: (performance.now() - started) / 1000, charts: after.charts };
            }
            """);

        var perSecond = stats.Updates / stats.Seconds;
        Console.WriteLine($"browser received {stats.Updates} updates in {stats.Seconds:0.00} s = {perSecond:0.0}/s");
        Assert.Equal(1, stats.Charts);
        Assert.InRange(perSecond, 2, 11.5); // 40 trades/s in, ≤ 10 updates/s out (+ an occasional closed candle)
    }

    private sealed class UpdateStats
    {
        public int Updates { get; set; }
        public double Seconds { get; set; }
        public int Charts { get; set; }
    }
}
