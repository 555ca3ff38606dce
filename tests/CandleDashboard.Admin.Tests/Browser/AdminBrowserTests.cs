using CandleDashboard.Admin.Tests.Infrastructure;
using CandleDashboard.Web.Admin;
using Microsoft.Playwright;

namespace CandleDashboard.Admin.Tests.Browser;

[Collection(AdminCollection.Name)]
public sealed class AdminBrowserTests(AdminServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Unauthenticated_visit_goes_to_login_and_signing_in_shows_every_buffer_updating_live()
    {
        var page = await browser.NewPageAsync(server.BaseAddress);
        try
        {
            await page.GotoAsync("admin/buffers");
            await page.WaitForURLAsync("**/admin/login?returnUrl=%2Fadmin%2Fbuffers");

            await page.FillAsync("#admin-username", AdminServer.Username);
            await page.FillAsync("#admin-password", AdminServer.Password);
            await page.ClickAsync("[data-testid=login-submit]");
            await page.WaitForURLAsync("**/admin/buffers");

            var rows = page.Locator("tr.buffer-row");
            await Assertions.Expect(rows).ToHaveCountAsync(32);
            await Assertions.Expect(page.Locator("tr.feed-row")).ToHaveCountAsync(4);
            await Assertions.Expect(page.Locator("tr.buffer-row-BTCUSDT-15s")).ToBeVisibleAsync();

            // Live: the trade rate and the last-updated age change while the page is open.
            var rate = page.Locator("[data-testid=feed-rate-BTCUSDT]");
            var updated = page.Locator("tr.buffer-row-BTCUSDT-15s [data-testid=buffer-updated]");
            var firstUpdated = await updated.InnerTextAsync();
            await Eventually.ReachesAsync(() => updated.InnerTextAsync(), t => t != firstUpdated, TimeSpan.FromSeconds(20), "last-updated cell changes");
            var firstRate = await Eventually.ReachesAsync(() => rate.InnerTextAsync(), t => t != "—", TimeSpan.FromSeconds(10), "trade rate appears");
            await Eventually.ReachesAsync(() => rate.InnerTextAsync(), t => t != firstRate, TimeSpan.FromSeconds(20), "trade rate changes");
            Assert.True(double.Parse(await rate.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0);

            // The admin page's own circuit is open, so the circuit count is at least one.
            await Assertions.Expect(page.Locator("[data-testid=tile-subscriptions]")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("[1-9][0-9]* open circuits"));

            Directory.CreateDirectory(ScreenshotDirectory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "admin-buffers.png"), FullPage = true });

            // The second exchange has a tab of its own: its buffers and feed, not the default one's.
            await Assertions.Expect(page.Locator("[data-testid=venue-tab-binance]")).ToHaveAttributeAsync("aria-current", "page");
            await page.ClickAsync("[data-testid=venue-tab-kraken]");
            await page.WaitForURLAsync("**/admin/buffers?exchange=kraken");
            await Assertions.Expect(rows).ToHaveCountAsync(16);
            await Assertions.Expect(page.Locator("tr.feed-row")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("tr.buffer-row-BTCUSD-15s")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=venue-tab-kraken]")).ToHaveAttributeAsync("aria-current", "page");

            // Sign out: the cookie goes, the page is protected again.
            await page.ClickAsync("[data-testid=logout]");
            await page.WaitForURLAsync("**/admin/login");
            Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == AdminPolicy.CookieName);
        }
        finally
        {
            await BrowserFixture.CloseAsync(page);
        }
    }

    [Fact]
    public async Task Wrong_password_shows_a_message_and_sets_no_cookie()
    {
        var page = await browser.NewPageAsync(server.BaseAddress);
        try
        {
            await page.GotoAsync("admin/login");
            await page.FillAsync("#admin-username", AdminServer.Username);
            await page.FillAsync("#admin-password", "wrong password");
            await page.ClickAsync("[data-testid=login-submit]");

            await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToHaveTextAsync("Wrong user name or password.");
            Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == AdminPolicy.CookieName);
            Assert.Equal("", await page.InputValueAsync("#admin-password"));
        }
        finally
        {
            await BrowserFixture.CloseAsync(page);
        }
    }

    private static string ScreenshotDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CandleDashboard.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
        }
    }
}
