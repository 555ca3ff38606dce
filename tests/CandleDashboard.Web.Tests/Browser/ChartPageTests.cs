using System.Globalization;
using System.Text.RegularExpressions;
using CandleDashboard.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>The chart page in real Chromium against the real app and its in-process simulator.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ChartPageTests(DashboardServer server, BrowserFixture browser) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync(server.BaseAddress);

    public Task DisposeAsync() => BrowserFixture.CloseAsync(_page);

    [Fact]
    public async Task Root_redirects_to_the_default_chart_which_shows_history()
    {
        await _page.GotoAsync("/");

        await Expect(_page).ToHaveURLAsync(new Regex("/chart/BTCUSDT/1m$"));
        var chart = await ChartProbe.WaitReadyAsync(_page);
        Assert.Equal("BTCUSDT", chart.Name);
        Assert.InRange(chart.Count, 100, 1000);
        Assert.Equal(chart.Count, chart.VolumeCount);
        // Consecutive 1m candles, oldest first.
        Assert.Equal((chart.Count - 1) * 60_000L, chart.LastTime - chart.FirstTime);
        // A real time axis in UTC, not epoch numbers.
        Assert.Equal("date", chart.AxisType);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(chart.LastTime).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture), chart.LastX);
        await Expect(Toolbar.Picker(_page, "symbol")).ToHaveAttributeAsync("data-value", "BTCUSDT");
        await Expect(Toolbar.Picker(_page, "interval")).ToHaveAttributeAsync("data-value", "1m");
    }

    [Fact]
    public async Task Live_trades_change_the_last_candle_and_a_new_candle_appears_at_the_boundary()
    {
        await _page.GotoAsync("/chart/ETHUSDT/15s");
        var initial = await ChartProbe.WaitReadyAsync(_page);
        Assert.True(initial.Count >= 100, $"expected at least 100 candles, got {initial.Count}");
        Assert.Equal(initial.Count.ToString(CultureInfo.InvariantCulture), await _page.GetByTestId("candle-count").TextContentAsync());
        await Expect(_page.GetByTestId("feed-status")).ToHaveAttributeAsync("data-state", "live");

        // The forming candle moves as trades flow (same open time, new close), and the price line and the
        // legend's readout (both drawn in the browser, with no render on the server) follow it.
        await ChartProbe.WaitForAsync(_page,
            "(p, v, a) => { const n = p.customdata.length; return p.customdata[n-1] === a.t && p.close[n-1] !== a.c; }",
            new { t = initial.LastTime, c = initial.LastClose }, 10_000);
        var moved = await ChartProbe.WaitForPriceLineAsync(_page);
        Assert.Equal(moved.LastClose, moved.PriceLine);
        Assert.Equal(moved.LastClose, moved.ReadoutClose);

        // Within one 15 s bucket (plus slack) a new candle is appended, exactly one interval later.
        await ChartProbe.WaitForAsync(_page, "(p, v, a) => p.customdata[p.customdata.length-1] > a", initial.LastTime, 20_000);
        var next = (await ChartProbe.ReadAsync(_page))!;
        Assert.True(next.LastTime > initial.LastTime);
        Assert.Equal(0, (next.LastTime - initial.LastTime) % 15_000);
        Assert.Equal(next.Count, next.VolumeCount);

        // The DOM readouts agree with the plot.
        await Expect(_page.GetByTestId("last-open-time")).ToHaveAttributeAsync("data-ms", new Regex(@"^\d+$"));
        var readoutTime = long.Parse((await _page.GetByTestId("last-open-time").GetAttributeAsync("data-ms"))!, CultureInfo.InvariantCulture);
        Assert.True(readoutTime >= next.LastTime);

        await Screenshots.SaveAsync(_page, "chart-ethusdt-15s");
    }

    [Fact]
    public async Task Switching_symbol_and_interval_redraws_without_reload_and_updates_the_url()
    {
        await _page.GotoAsync("/chart/BTCUSDT/1m");
        var btc = await ChartProbe.WaitReadyAsync(_page);
        // Survives client-side navigation only: a full reload would drop it.
        await _page.EvaluateAsync("() => window.__sameDocument = 42");

        await Toolbar.ChooseSymbolAsync(_page, "SOLUSDT");
        await Expect(_page).ToHaveURLAsync(new Regex("/chart/SOLUSDT/1m(\\?tz=[^&]+)?$"));
        await ChartProbe.WaitForAsync(_page, "(p) => p.name === 'SOLUSDT' && p.customdata.length >= 100", null, 15_000);
        var sol = (await ChartProbe.ReadAsync(_page))!;
        Assert.NotEqual(btc.LastClose, sol.LastClose);

        await Toolbar.ChooseIntervalAsync(_page, "5m");
        await Expect(_page).ToHaveURLAsync(new Regex("/chart/SOLUSDT/5m(\\?tz=[^&]+)?$"));
        await ChartProbe.WaitForAsync(_page, "(p) => p.name === 'SOLUSDT' && p.customdata.length >= 100 && p.customdata[1] - p.customdata[0] === 300000", null, 15_000);
        await Expect(Toolbar.Picker(_page, "interval")).ToHaveAttributeAsync("data-value", "5m");
        await Expect(Toolbar.Picker(_page, "symbol")).ToHaveAttributeAsync("data-value", "SOLUSDT");

        Assert.Equal(42, await _page.EvaluateAsync<int>("() => window.__sameDocument"));
        await Expect(_page).ToHaveTitleAsync(new Regex("SOLUSDT · 5m"));

        // Back goes to the previous chart, still without a reload.
        await _page.GoBackAsync();
        await Expect(_page).ToHaveURLAsync(new Regex("/chart/SOLUSDT/1m(\\?tz=[^&]+)?$"));
        await ChartProbe.WaitForAsync(_page, "(p) => p.name === 'SOLUSDT' && p.customdata[1] - p.customdata[0] === 60000", null, 15_000);
        Assert.Equal(42, await _page.EvaluateAsync<int>("() => window.__sameDocument"));
    }

    [Fact]
    public async Task Lower_case_urls_are_corrected_to_the_canonical_spelling()
    {
        await _page.GotoAsync("/chart/bnbusdt/1H");
        await Expect(_page).ToHaveURLAsync(new Regex("/chart/BNBUSDT/1h(\\?tz=[^&]+)?$"));
        var chart = await ChartProbe.WaitReadyAsync(_page);
        Assert.Equal("BNBUSDT", chart.Name);
    }

    [Fact]
    public async Task Unknown_symbol_shows_a_friendly_message_with_the_offered_symbols()
    {
        await _page.GotoAsync("/chart/DOGEXYZ/1m");

        var message = _page.GetByTestId("route-error-message");
        await Expect(message).ToContainTextAsync("Unknown symbol 'DOGEXYZ'");
        await Expect(message).ToContainTextAsync("BTCUSDT, ETHUSDT, SOLUSDT, BNBUSDT");
        await Expect(_page.Locator(ChartProbe.Chart)).ToHaveCountAsync(0);
        await Expect(_page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        Assert.DoesNotContain("Exception", await _page.ContentAsync());
        await Screenshots.SaveAsync(_page, "unknown-symbol");

        // The suggestions lead straight to a working chart.
        await _page.Locator(".chip", new() { HasText = "ETHUSDT" }).ClickAsync();
        await Expect(_page).ToHaveURLAsync(new Regex("/chart/ETHUSDT/1m(\\?tz=[^&]+)?$"));
        Assert.Equal("ETHUSDT", (await ChartProbe.WaitReadyAsync(_page)).Name);
    }

    [Theory]
    [InlineData("/chart/BTCUSDT/7x", "Unknown interval '7x'")]
    [InlineData("/chart/BTCUSDT/1s", "not offered here")]
    [InlineData("/chart/%3Cscript%3E/1m", "Symbol '?script?' is not valid")]
    public async Task Bad_route_segments_show_a_message_not_an_error(string url, string expected)
    {
        await _page.GotoAsync(url);

        await Expect(_page.GetByTestId("route-error-message")).ToContainTextAsync(expected);
        await Expect(_page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        Assert.DoesNotContain("Exception", await _page.ContentAsync());
    }

    [Fact]
    public async Task Unknown_page_is_a_friendly_404()
    {
        var response = await _page.GotoAsync("/no/such/page");

        Assert.Equal(404, response!.Status);
        await Expect(_page.GetByTestId("not-found")).ToContainTextAsync("Page not found");
    }
}
