using System.Text.Json;
using System.Text.RegularExpressions;
using CandleDashboard.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>
/// How far live was from official, in real Chromium: once the fetcher's official klines replace candles the
/// server built live, the header says how often they matched and the legend says it per candle.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LiveVsOfficialTests(DashboardServer server, BrowserFixture browser) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync(server.BaseAddress);

    public Task DisposeAsync() => BrowserFixture.CloseAsync(_page);

    [Fact]
    public async Task After_official_klines_arrive_the_header_and_the_legend_say_how_live_compared()
    {
        await _page.GotoAsync("/chart/BNBUSDT/15s?tz=UTC&scale=linear");
        var view = await ViewProbe.WaitViewAsync(_page);

        // A 15s candle closes live, then its official kline replaces it: within about two buckets.
        var figure = _page.GetByTestId("live-accuracy");
        await Expect(figure).ToHaveTextAsync(new Regex(@"^live = official on \d+ of the last \d+ candles?( · largest close Δ [0-9.]+)?$"), new() { Timeout = 60_000 });
        await ViewProbe.WaitUntilAsync(_page, "el => !!el._liveDeltas && el._liveDeltas.size > 0", timeoutMs: 30_000);

        // Hover a candle with a recorded comparison: the legend words it.
        var target = await _page.Locator(ChartProbe.Plot).EvaluateAsync<JsonElement>("""
            el => {
                const s = el._candleSeries;
                let i = s.t.length - 1;
                while (i >= 0 && !(s.official[i] && el._liveDeltas.has(s.t[i]))) i--;
                const xa = el._fullLayout.xaxis, rect = el.getBoundingClientRect();
                const d = el._liveDeltas.get(s.t[i]);
                return { t: s.t[i], text: d.text, x: rect.left + xa._offset + xa.l2p(s.t[i]) };
            }
            """);
        await _page.Mouse.MoveAsync((float)target.GetProperty("x").GetDouble(), (float)(view.PlotTop + (view.PlotHeight / 2)));

        var legend = _page.GetByTestId("hover-legend");
        await Expect(legend).ToHaveAttributeAsync("data-open-time", target.GetProperty("t").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var text = target.GetProperty("text").GetString()!;
        Assert.Matches(@"^(live = official|live differed: .+)$", text);
        await Expect(legend.Locator("[data-field=delta]")).ToHaveTextAsync(text);
    }
}
