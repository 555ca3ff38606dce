using System.Text.Json;
using CandleDashboard.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>
/// The app under its Content-Security-Policy in real Chromium: the chart draws, live updates,
/// switches series and the theme, and the browser reports no violation at all. Violations are
/// seen two ways: the page's <c>securitypolicyviolation</c> events and Chromium's console errors.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ContentSecurityPolicyBrowserTests(DashboardServer server, BrowserFixture browser) : IAsyncLifetime
{
    // Injected by the browser (DevTools protocol) before any page script, so the page's CSP does not apply to it.
    private const string ViolationRecorder = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
            { directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample }));
        """;

    private readonly List<string> _consoleViolations = [];
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _page = await browser.NewPageAsync(server.BaseAddress);
        await _page.Context.AddInitScriptAsync(ViolationRecorder);
        _page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (_consoleViolations)
                {
                    _consoleViolations.Add(message.Text);
                }
            }
        };
    }

    public Task DisposeAsync() => BrowserFixture.CloseAsync(_page);

    [Fact]
    public async Task The_chart_draws_updates_and_switches_with_no_policy_violation()
    {
        var response = await _page.GotoAsync("/chart/ETHUSDT/15s");
        Assert.Contains("script-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"]);

        var chart = await ChartProbe.WaitReadyAsync(_page);
        Assert.True(chart.Count >= 100, $"expected at least 100 candles, got {chart.Count}");
        // Plotly really drew: candlestick paths in its SVG, not only data on the element.
        Assert.True(await _page.Locator($"{ChartProbe.Plot} .trace.boxes path, {ChartProbe.Plot} g.cartesianlayer path").CountAsync() > 0);
        // Live updates arrive over the circuit's WebSocket (connect-src 'self').
        await ChartProbe.WaitForAsync(_page,
            "(p, v, a) => { const n = p.customdata.length; return p.customdata[n-1] > a.t || p.close[n-1] !== a.c; }",
            new { t = chart.LastTime, c = chart.LastClose }, 15_000);

        // MudBlazor popovers and theme styles, plotly's restyle.
        await Toolbar.ChooseSymbolAsync(_page, "SOLUSDT");
        await ChartProbe.WaitForAsync(_page, "(p) => p.name === 'SOLUSDT'", null, 15_000);
        await _page.GetByTestId("theme-toggle").ClickAsync();

        // Plotly's "Download plot as a png" renders through data: and blob: images (img-src).
        var download = await _page.RunAndWaitForDownloadAsync(() => _page.Locator($"{ChartProbe.Plot} .modebar-btn[data-title='Download plot as a PNG'], {ChartProbe.Plot} .modebar-btn[data-title='Download plot as a png']").First.ClickAsync());
        Assert.EndsWith(".png", download.SuggestedFilename);

        Assert.Empty(await ViolationsAsync());
        Assert.Empty(ConsoleViolations());
    }

    [Fact]
    public async Task The_recorder_sees_a_violation_when_one_happens()
    {
        // The control: proves the empty lists above mean "none happened", not "none could be seen".
        await _page.GotoAsync("/chart/BTCUSDT/1m");
        await ChartProbe.WaitReadyAsync(_page);
        await _page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__inlineRan = true'; document.body.appendChild(s); }");

        var violations = await Eventually.ReachesAsync(ViolationsAsync, v => v.Count > 0, TimeSpan.FromSeconds(5), "a recorded violation");
        Assert.Equal(["script-src-elem"], violations.Select(v => v.GetProperty("directive").GetString()));
        Assert.False(await _page.EvaluateAsync<bool>("() => window.__inlineRan === true"));
        await Eventually.ReachesAsync(() => ConsoleViolations().Count, n => n > 0, TimeSpan.FromSeconds(5), "a console report of the violation");
    }

    private async Task<List<JsonElement>> ViolationsAsync() =>
        [.. (await _page.EvaluateAsync<JsonElement>("() => window.__cspViolations")).EnumerateArray()];

    private List<string> ConsoleViolations()
    {
        lock (_consoleViolations)
        {
            return [.. _consoleViolations];
        }
    }
}
