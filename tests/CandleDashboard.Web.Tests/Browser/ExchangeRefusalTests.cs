using CandleDashboard.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>A configured symbol the exchange refuses: a clear message and an honest badge, no error UI.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ExchangeRefusalTests(ListingGapServer server, BrowserFixture browser) : IClassFixture<ListingGapServer>, IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync(server.BaseAddress);

    public Task DisposeAsync() => BrowserFixture.CloseAsync(_page);

    [Fact]
    public async Task Symbol_refused_by_the_exchange_shows_unknown_symbol_and_a_stale_badge()
    {
        await _page.GotoAsync("/chart/XRPUSDT/1m");

        await Expect(_page.GetByTestId("chart-error")).ToContainTextAsync("Unknown symbol \"XRPUSDT\": the exchange does not list it.");
        await Expect(_page.Locator("[data-testid=candle-chart]")).ToHaveAttributeAsync("data-state", "failed");
        // Connected, but no trade for this symbol: not "live".
        await Expect(_page.GetByTestId("feed-status")).ToHaveAttributeAsync("data-state", "stale");
        await Expect(_page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        Assert.DoesNotContain("Exception", await _page.ContentAsync());
        await Screenshots.SaveAsync(_page, "symbol-refused-by-exchange");

        // The listed symbol next to it works, and the failed chart left no subscription behind.
        await Toolbar.ChooseSymbolAsync(_page, "BTCUSDT");
        Assert.Equal("BTCUSDT", (await ChartProbe.WaitReadyAsync(_page)).Name);
        await Expect(_page.GetByTestId("feed-status")).ToHaveAttributeAsync("data-state", "live");
        await Eventually.ReachesAsync(() => server.SubscriptionCount, c => c == 1, TimeSpan.FromSeconds(10), "subscriptions with one chart open");
    }
}
