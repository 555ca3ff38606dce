using CandleDashboard.Admin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CandleDashboard.Admin.Tests.Browser;

public sealed class AttentionBrowserTests(StaleFeedAdminServer server, BrowserFixture browser) : IClassFixture<StaleFeedAdminServer>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Stale_feeds_are_marked_for_attention()
    {
        var page = await browser.NewPageAsync(server.BaseAddress);
        try
        {
            await page.GotoAsync("admin/login?returnUrl=%2Fadmin%2Fbuffers");
            await page.FillAsync("#admin-username", AdminServer.Username);
            await page.FillAsync("#admin-password", AdminServer.Password);
            await page.ClickAsync("[data-testid=login-submit]");
            await page.WaitForURLAsync("**/admin/buffers");

            var row = page.Locator("tr.feed-row-ETHUSDT");
            await Assertions.Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\battn-stale-feed\b"));
            await Assertions.Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("needs-attention"));
            await Assertions.Expect(row.Locator("[data-testid=attention-stale-feed]")).ToHaveTextAsync("Stale feed");
            await Assertions.Expect(page.Locator("[data-testid=tile-feed]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("needs-attention"));
        }
        finally
        {
            await BrowserFixture.CloseAsync(page);
        }
    }
}
