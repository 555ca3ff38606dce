using CandleDashboard.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>Light and dark in real Chromium: the system setting first, a choice remembered, no flash on the way.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ThemeTests(DashboardServer server, BrowserFixture browser)
{
    [Fact]
    public async Task The_page_starts_in_the_system_theme_and_a_choice_is_remembered_from_the_next_first_render()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString(), ColorScheme = ColorScheme.Light });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/chart/BTCUSDT/1m");
            await ChartProbe.WaitReadyAsync(page);

            // Chromium sent its system setting with the page request, so the first render was light
            // and the browser was never asked again (the fallback module is not even loaded).
            await Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("data-theme", "light");
            Assert.Equal("#ffffff", await PlotBackgroundAsync(page));
            Assert.Equal(0, await page.EvaluateAsync<int>("() => performance.getEntriesByType('resource').filter(r => r.name.endsWith('/js/theme.js')).length"));

            // The trader switches: the page and the chart turn dark at once, and the choice is kept.
            await page.GetByTestId("theme-toggle").ClickAsync();
            await Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("data-theme", "dark");
            await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=candle-chart] .js-plotly-plot')._fullLayout.paper_bgcolor === '#0d1117'");
            // The page turns first; the choice is written to the browser right after.
            await Eventually.ReachesAsync(
                async () => (await context.CookiesAsync()).FirstOrDefault(c => c.Name == "candledashboard.theme")?.Value,
                value => value == "dark",
                TimeSpan.FromSeconds(10),
                "the stored theme cookie");

            // Next visit: dark from the first render, though the system still says light.
            await page.ReloadAsync();
            await ChartProbe.WaitReadyAsync(page);
            await Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("data-theme", "dark");
            Assert.Equal("#0d1117", await PlotBackgroundAsync(page));
            await Screenshots.SaveAsync(page, "chart-dark");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task An_oscillator_pane_takes_the_new_theme_with_the_rest_of_the_chart()
    {
        var page = await browser.NewPageAsync(server.BaseAddress);
        try
        {
            await page.GotoAsync("/chart/BTCUSDT/1m?ind=rsi(14)");
            await ViewProbe.WaitUntilAsync(page, "el => el.dataset.indicators === 'rsi(14)' && !!el._fullLayout.yaxis3");
            var before = await page.Locator(ChartProbe.Plot).EvaluateAsync<string>("el => el._fullLayout.yaxis3.gridcolor");

            await page.GetByTestId("theme-toggle").ClickAsync();
            await ViewProbe.WaitUntilAsync(page, "(el, before) => el._fullLayout.yaxis.gridcolor !== before && el._fullLayout.yaxis3.gridcolor === el._fullLayout.yaxis.gridcolor", before);
        }
        finally
        {
            await BrowserFixture.CloseAsync(page);
        }
    }

    private static Task<string> PlotBackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.querySelector('[data-testid=candle-chart] .js-plotly-plot')._fullLayout.paper_bgcolor");
}
