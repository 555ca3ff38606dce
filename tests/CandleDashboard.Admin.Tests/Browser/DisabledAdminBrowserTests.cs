using CandleDashboard.Admin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CandleDashboard.Admin.Tests.Browser;

public sealed class DisabledAdminBrowserTests(DisabledAdminServer server, BrowserFixture browser) : IClassFixture<DisabledAdminServer>, IClassFixture<BrowserFixture>
{

    [Fact]
    public async Task Admin_page_says_it_is_disabled()
    {
        var page = await browser.NewPageAsync(server.BaseAddress);
        try
        {
            var response = await page.GotoAsync("admin/buffers");

            Assert.Equal(503, response!.Status);
            await Assertions.Expect(page.Locator("[data-testid=admin-disabled]")).ToContainTextAsync("Admin area disabled: set Admin:Username and Admin:PasswordHash");
        }
        finally
        {
            await BrowserFixture.CloseAsync(page);
        }
    }
}
