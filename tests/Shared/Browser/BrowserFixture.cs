using Microsoft.Playwright;

namespace CandleDashboard.Tests.Shared.Browser;

/// <summary>
/// One headless Debian Chromium for the whole run (Playwright's own browser download is not
/// available here; see PLATFORM.md). Each test gets a fresh context via <see cref="NewPageAsync"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium); ./test.sh does.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 860 },
        });
        context.SetDefaultTimeout(15_000);

        // Assertions wait as long as actions: Playwright's 5 s default for Expect was once too short on a
        // busy 2-core runner (a live admin table that refreshes once a second had not rendered yet).
        Assertions.SetDefaultExpectTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Closes the page the way a user closes a tab: unload handlers run, so blazor.web.js sends its
    /// disconnect beacon and the server disposes the circuit now (a bare context close can skip
    /// unload, and the server then keeps the circuit for its 3-minute reconnect grace period).
    /// </summary>
    public static async Task CloseAsync(IPage page)
    {
        if (!page.IsClosed)
        {
            var closed = new TaskCompletionSource();
            page.Close += (_, _) => closed.TrySetResult();
            await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
            await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        await page.Context.CloseAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
