using System.Text.RegularExpressions;
using CandleDashboard.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>
/// Every open chart holds exactly one live subscription and one data_updated handler: switching
/// series must dispose the old ones, and closing the page must release them (a leaked handler
/// would keep pushing to a dead circuit).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SubscriptionLifetimeTests(DashboardServer server, BrowserFixture browser)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Subscriptions_follow_open_charts_through_switches_and_page_close()
    {
        // Pages of earlier tests may still be tearing down their circuits.
        var baseline = await Eventually.ReachesAsync(() => server.SubscriptionCount, c => c == 0, Deadline, "subscriptions before the test");
        // The app's own data_updated handlers (buffers, hub relay) stay; charts add one each.
        var busBaseline = server.DataUpdatedBus.HandlerCount;

        var first = await browser.NewPageAsync(server.BaseAddress);
        var second = await browser.NewPageAsync(server.BaseAddress);
        try
        {
            await first.GotoAsync("/chart/BTCUSDT/1m");
            await ChartProbe.WaitReadyAsync(first);
            await second.GotoAsync("/chart/ETHUSDT/15s");
            await ChartProbe.WaitReadyAsync(second);
            await Eventually.ReachesAsync(() => server.SubscriptionCount, c => c == baseline + 2, Deadline, "subscriptions with two charts open");
            Assert.Equal(busBaseline + 2, server.DataUpdatedBus.HandlerCount);

            (string Symbol, string Interval)[] switches =
                [("ETHUSDT", "1m"), ("ETHUSDT", "5m"), ("SOLUSDT", "5m"), ("SOLUSDT", "15s"), ("BNBUSDT", "1h"), ("BTCUSDT", "30s")];
            foreach (var (symbol, interval) in switches)
            {
                // Symbol first (keeps the interval), then interval: two series switches per step.
                await Toolbar.ChooseSymbolAsync(first, symbol);
                await Expect(first).ToHaveURLAsync(new Regex($"/chart/{symbol}/"));
                await Toolbar.ChooseIntervalAsync(first, interval);

                await Expect(first).ToHaveURLAsync(new Regex($"/chart/{symbol}/{interval}(\\?tz=[^&]+)?$"));
                await ChartProbe.WaitForAsync(first, "(p, v, a) => p.name === a.symbol && p.customdata[1] - p.customdata[0] === a.ms", new { symbol, ms = IntervalMs(interval) }, 15_000);
                Assert.Equal(baseline + 2, server.SubscriptionCount);
                Assert.Equal(busBaseline + 2, server.DataUpdatedBus.HandlerCount);
            }

            // The browser side let go too: the hot path tracks only the plot on screen.
            Assert.Equal(1, await first.EvaluateAsync<int>("async () => (await import('/js/candleChart.js')).stats().charts"));

            await BrowserFixture.CloseAsync(first);
            await Eventually.ReachesAsync(() => server.SubscriptionCount, c => c == baseline + 1, Deadline, "subscriptions after closing one page");
            await Eventually.ReachesAsync(() => server.DataUpdatedBus.HandlerCount, c => c == busBaseline + 1, Deadline, "data_updated handlers after closing one page");
        }
        finally
        {
            await BrowserFixture.CloseAsync(second);
        }

        await Eventually.ReachesAsync(() => server.SubscriptionCount, c => c == baseline, Deadline, "subscriptions after closing every page");
        await Eventually.ReachesAsync(() => server.DataUpdatedBus.HandlerCount, c => c == busBaseline, Deadline, "data_updated handlers after closing every page");
    }

    [Fact]
    public async Task Rapid_switching_settles_on_the_last_choice_with_one_subscription()
    {
        var baseline = await Eventually.ReachesAsync(() => server.SubscriptionCount, c => c == 0, Deadline, "subscriptions before the test");
        var busBaseline = server.DataUpdatedBus.HandlerCount;
        var page = await browser.NewPageAsync(server.BaseAddress);
        try
        {
            await page.GotoAsync("/chart/BTCUSDT/1m");
            await ChartProbe.WaitReadyAsync(page);

            // No waiting between choices: history loads overlap and must be cancelled or ignored.
            string[] symbols = ["ETHUSDT", "SOLUSDT", "BNBUSDT", "BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "ETHUSDT"];
            foreach (var symbol in symbols)
            {
                await Toolbar.ChooseSymbolAsync(page, symbol);
            }

            await Expect(page).ToHaveURLAsync(new Regex("/chart/ETHUSDT/1m(\\?tz=[^&]+)?$"));
            await ChartProbe.WaitForAsync(page, "(p) => p.name === 'ETHUSDT' && p.customdata.length >= 100", null, 15_000);
            Assert.Equal(1, await page.EvaluateAsync<int>("async () => (await import('/js/candleChart.js')).stats().charts"));
            await Eventually.ReachesAsync(() => server.SubscriptionCount, c => c == baseline + 1, Deadline, "subscriptions after rapid switching");
            await Eventually.ReachesAsync(() => server.DataUpdatedBus.HandlerCount, c => c == busBaseline + 1, Deadline, "data_updated handlers after rapid switching");
            await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        }
        finally
        {
            await BrowserFixture.CloseAsync(page);
        }

        await Eventually.ReachesAsync(() => server.SubscriptionCount, c => c == baseline, Deadline, "subscriptions after closing the page");
        await Eventually.ReachesAsync(() => server.DataUpdatedBus.HandlerCount, c => c == busBaseline, Deadline, "data_updated handlers after closing the page");
    }

    private static long IntervalMs(string code) => CandleDashboard.Core.Market.Interval.Parse(code).Milliseconds;
}
