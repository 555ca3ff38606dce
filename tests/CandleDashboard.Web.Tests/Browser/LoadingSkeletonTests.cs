using CandleDashboard.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>
/// The first response's loading skeleton: it holds the chart card's final box, so the chart
/// lands without a layout shift, and it is gone once the interactive page is in.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LoadingSkeletonTests(DashboardServer server, BrowserFixture browser) : IAsyncLifetime
{
    private const string CardBox = "el => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }";

    private IPage _skeleton = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _skeleton = await browser.NewPageAsync(server.BaseAddress);
        _page = await browser.NewPageAsync(server.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await BrowserFixture.CloseAsync(_skeleton);
        await BrowserFixture.CloseAsync(_page);
    }

    [Theory]
    [InlineData(1440, 860)]
    [InlineData(1024, 700)]
    public async Task The_skeleton_s_chart_card_has_the_chart_s_final_box_and_goes_when_the_chart_comes(int width, int height)
    {
        await _skeleton.SetViewportSizeAsync(width, height);
        await _page.SetViewportSizeAsync(width, height);

        // Without blazor.web.js no circuit starts: the page stays as the first response drew it.
        await _skeleton.RouteAsync("**/_framework/blazor.web.js", route => route.AbortAsync());
        await _skeleton.GotoAsync("/chart/BTCUSDT/1m");
        var skeletonCard = _skeleton.Locator("[data-testid=loading-skeleton] .chart-card");
        await Expect(skeletonCard).ToBeVisibleAsync();
        var before = await skeletonCard.EvaluateAsync<double[]>(CardBox);

        await _page.GotoAsync("/chart/BTCUSDT/1m");
        await ChartProbe.WaitReadyAsync(_page);
        await Expect(_page.GetByTestId("loading-skeleton")).ToBeHiddenAsync();
        var after = await _page.Locator("section.chart-card:has([data-testid=candle-chart])").EvaluateAsync<double[]>(CardBox);

        for (var i = 0; i < 4; i++)
        {
            Assert.True(Math.Abs(before[i] - after[i]) <= 1, $"skeleton card [{string.Join(", ", before)}] vs chart card [{string.Join(", ", after)}]");
        }
    }

    [Theory]
    [InlineData("/chart/BTCUSDT/1m", true)]
    [InlineData("/admin/login", false)]
    [InlineData("/definitely/not/here", false)]
    public async Task Only_a_chart_page_s_first_response_carries_the_skeleton(string path, bool expected)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, html.Contains("data-testid=\"loading-skeleton\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_skeleton_stays_hidden_after_navigating_away_from_the_chart()
    {
        await _page.GotoAsync("/chart/BTCUSDT/1m");
        await ChartProbe.WaitReadyAsync(_page);

        // A client-side navigation keeps the first response's body, skeleton included: it must stay hidden.
        await _page.EvaluateAsync("() => Blazor.navigateTo('/chart/NOPE/1m')");
        await Expect(_page.GetByTestId("route-error")).ToBeVisibleAsync();
        await Expect(_page.GetByTestId("loading-skeleton")).ToBeHiddenAsync();
    }
}
