using System.Text.Json;
using CandleDashboard.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>Pages of several charts, in real Chromium: a 2×2 layout from a link, its own live updates per chart, linked crosshairs.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ChartLayoutTests(DashboardServer server, BrowserFixture browser) : IAsyncLifetime
{
    private const string Plots = "[data-testid=candle-chart] .js-plotly-plot";

    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync(server.BaseAddress);

    public Task DisposeAsync() => BrowserFixture.CloseAsync(_page);

    // Each plot's symbol (trace name), interval (from the open times), indicator set and newest open time, in page order.
    private async Task<JsonElement> PlotsAsync() =>
        await _page.EvaluateAsync<JsonElement>($$"""
            () => [...document.querySelectorAll('{{Plots}}')].map(el => ({
                symbol: el.data && el.data[0].name,
                // The smallest gap between open times: a chart loaded just after a bucket closed can miss that
                // one candle until its official kline arrives, so two neighbours are not enough.
                step: el._candleSeries ? Math.min(...el._candleSeries.t.slice(-20).map((t, i, a) => i ? t - a[i - 1] : Infinity)) : 0,
                indicators: el.dataset.indicators || '',
                last: el._candleSeries ? el._candleSeries.t[el._candleSeries.t.length - 1] : 0,
                close: el._candleSeries ? el._candleSeries.c[el._candleSeries.c.length - 1] : 0,
                view: el.dataset.view || '',
            }))
            """);

    private Task WaitAsync(string predicate, float timeoutMs = 30_000) =>
        _page.WaitForFunctionAsync(
            $$"""() => { const els = [...document.querySelectorAll('{{Plots}}')]; return ({{predicate}})(els); }""",
            null,
            new PageWaitForFunctionOptions { Timeout = timeoutMs, PollingInterval = 100 });

    [Fact]
    public async Task A_2x2_layout_from_a_link_shows_four_charts_each_with_its_series_indicators_and_live_updates()
    {
        await _page.GotoAsync("/chart/BTCUSDT/1m?tz=UTC&scale=linear&layout=4&c2=ETHUSDT/5m/ema(21)&c3=SOLUSDT/15m&c4=BNBUSDT/1h/rsi(14);sma(10)");
        await WaitAsync("els => els.length === 4 && els.every(el => el.dataset.view === 'ready')");
        await WaitAsync("els => els[1].dataset.indicators === 'ema(21)' && els[3].dataset.indicators === 'rsi(14);sma(10)'");

        var plots = await PlotsAsync();
        Assert.Equal(
            [("BTCUSDT", 60_000L), ("ETHUSDT", 300_000L), ("SOLUSDT", 900_000L), ("BNBUSDT", 3_600_000L)],
            plots.EnumerateArray().Select(p => (p.GetProperty("symbol").GetString()!, p.GetProperty("step").GetInt64())));
        await Expect(_page.GetByTestId("chart-grid")).ToHaveAttributeAsync("data-layout", "4");

        // Every chart keeps its own live updates: each one's forming candle changes.
        var before = plots.EnumerateArray().Select(p => p.GetProperty("close").GetDouble()).ToArray();
        await _page.WaitForFunctionAsync(
            $$"""before => [...document.querySelectorAll('{{Plots}}')].every((el, k) => { const s = el._candleSeries; return s.c[s.c.length - 1] !== before[k]; })""",
            before,
            new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 100 });

        // A chart's own toolbar switches its series; the link follows and a reload shows the same page.
        var slot3 = _page.Locator("[data-testid=chart-slot][data-slot='3']");
        await slot3.GetByTestId("interval-select").SelectOptionAsync("4h");
        await WaitAsync("els => els.length === 4 && els[2].dataset.view === 'ready' && els[2]._candleSeries.t.length > 2 && els[2]._candleSeries.t[1] - els[2]._candleSeries.t[0] === 14400000");
        Assert.Contains("c3=SOLUSDT%2F4h", _page.Url, StringComparison.Ordinal);

        await _page.ReloadAsync();
        await WaitAsync("els => els.length === 4 && els.every(el => el.dataset.view === 'ready') && els[2]._candleSeries.t[1] - els[2]._candleSeries.t[0] === 14400000");

        // Back to one chart: the others go, and so do their parameters.
        await _page.GetByTestId("layout-1").ClickAsync();
        await WaitAsync("els => els.length === 1");
        await Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^(?!.*(c2=|layout=))"));
    }

    [Fact]
    public async Task Linked_crosshairs_show_the_pointers_time_on_every_chart()
    {
        await _page.GotoAsync("/chart/ETHUSDT/1m?tz=UTC&scale=linear&layout=2h&c2=ETHUSDT/5m&link=1");
        await WaitAsync("els => els.length === 2 && els.every(el => el.dataset.view === 'ready')");

        // The pointer over a 1m candle of the left chart, 12 minutes back.
        var target = await _page.EvaluateAsync<JsonElement>($$"""
            () => {
                const el = document.querySelectorAll('{{Plots}}')[0];
                const s = el._candleSeries, i = s.t.length - 12;
                const xa = el._fullLayout.xaxis, ya = el._fullLayout.yaxis, rect = el.getBoundingClientRect();
                return { t: s.t[i], x: rect.left + xa._offset + xa.l2p(s.t[i]), y: rect.top + ya._offset + ya._length / 2 };
            }
            """);
        await _page.Mouse.MoveAsync((float)target.GetProperty("x").GetDouble(), (float)target.GetProperty("y").GetDouble());

        // The right chart shows the 5m candle containing that minute, in its plot and its legend.
        var t = target.GetProperty("t").GetInt64();
        var containing = (t / 300_000 * 300_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var right = _page.Locator(Plots).Nth(1);
        await Expect(right).ToHaveAttributeAsync("data-linked-time", containing);
        await Expect(_page.Locator("[data-testid=chart-slot][data-slot='2'] [data-testid=hover-legend]")).ToHaveAttributeAsync("data-open-time", containing);
        // With its vertical spike line through that candle.
        await _page.WaitForFunctionAsync($$"""
            t => {
                const el = document.querySelectorAll('{{Plots}}')[1], xa = el._fullLayout.xaxis, x = xa._offset + xa.l2p(t);
                return [...el.querySelectorAll('line.spikeline')].some(l => Math.abs(Number(l.getAttribute('x1')) - x) < 1 && l.getAttribute('x1') === l.getAttribute('x2'));
            }
            """, long.Parse(containing, System.Globalization.CultureInfo.InvariantCulture));

        // Unlinked, the pointer leads only its own chart.
        await _page.GetByTestId("layout-link").UncheckAsync();
        await Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^(?!.*link=1)"));
    }
}
