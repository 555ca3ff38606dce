using CandleDashboard.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>The exchange cannot be reached: the page says so, offers a retry, and the badge is not "live".</summary>
[Collection(DashboardCollection.Name)]
public sealed class ExchangeOutageTests(UnreachableExchangeServer server, BrowserFixture browser) : IClassFixture<UnreachableExchangeServer>, IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync(server.BaseAddress);

    public Task DisposeAsync() => BrowserFixture.CloseAsync(_page);

    [Fact]
    public async Task Unreachable_exchange_shows_a_retryable_message_and_a_reconnecting_badge()
    {
        await _page.GotoAsync("/chart/BTCUSDT/1m");

        var error = _page.GetByTestId("chart-error");
        await Expect(error).ToContainTextAsync("The exchange could not be reached. Check the connection and try again.");
        await Expect(_page.GetByTestId("feed-status")).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("^(connecting|reconnecting)$"));
        await Expect(_page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        Assert.DoesNotContain("Exception", await _page.ContentAsync());
        Assert.DoesNotContain("127.0.0.1", await error.TextContentAsync());
        await Screenshots.SaveAsync(_page, "exchange-unreachable");

        // Retry goes through the loading state and fails the same friendly way.
        await error.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await Expect(_page.GetByTestId("chart-error")).ToContainTextAsync("could not be reached");
        Assert.Equal(0, server.SubscriptionCount);
    }
}
