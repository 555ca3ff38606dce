using System.Globalization;
using System.Text.Json;
using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>Indicators on the chart, in real Chromium: picked, drawn in their panes, read in the legend, kept in the link.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ChartIndicatorTests(DashboardServer server, BrowserFixture browser) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync(server.BaseAddress);

    public Task DisposeAsync() => BrowserFixture.CloseAsync(_page);

    private async Task AddAsync(string kind, string? period)
    {
        await _page.GetByTestId("indicator-add-toggle").ClickAsync();
        await _page.GetByTestId("indicator-kind").SelectOptionAsync(kind);
        await WaitForFormOfAsync(kind);
        if (period is not null)
        {
            await _page.GetByTestId("indicator-param-period").FillAsync(period);
        }

        await _page.GetByTestId("indicator-add").ClickAsync();
    }

    // The form re-renders with the kind's parameters (and their defaults) after a choice: typing before
    // that lands would be overwritten mid-way.
    private Task WaitForFormOfAsync(string kind) =>
        Expect(_page.Locator($"[data-testid=indicator-panel] form[data-kind='{kind}']")).ToHaveCountAsync(1);

    // Per indicator trace (from 3 on): name, y axis, and the value of a closed candle (five before the newest
    // with a value: the forming candle's value moves with every trade) with its open time.
    private async Task<JsonElement> TracesAsync() =>
        await _page.Locator(ChartProbe.Plot).EvaluateAsync<JsonElement>("""
            el => el.data.slice(3).map(d => {
                let i = d.y.length - 1;
                while (i >= 0 && (d.y[i] === null || d.y[i] === undefined)) i--;
                i -= 5;
                return { name: d.name, axis: d.yaxis, t: i >= 0 ? d.customdata[i] : 0, y: i >= 0 ? d.y[i] : null, points: d.y.length };
            })
            """);

    [Fact]
    public async Task EMA_21_and_RSI_14_are_drawn_with_their_values_in_the_legend_and_kept_in_the_link()
    {
        await _page.GotoAsync("/chart/SOLUSDT/1m?tz=UTC&scale=linear");
        await ViewProbe.WaitViewAsync(_page);

        await AddAsync("ema", "21");
        await AddAsync("rsi", "14");

        await Expect(_page.GetByTestId("indicator-chip")).ToHaveCountAsync(2);
        await ViewProbe.WaitUntilAsync(_page, "el => el.dataset.indicators === 'ema(21);rsi(14)' && el.data.length === 5 && el.data[3].y.some(v => v !== null)");
        var traces = await TracesAsync();
        Assert.Equal(("ema(21) ema", "y"), (traces[0].GetProperty("name").GetString(), traces[0].GetProperty("axis").GetString()));
        Assert.Equal(("rsi(14) rsi", "y3"), (traces[1].GetProperty("name").GetString(), traces[1].GetProperty("axis").GetString()));

        // The oscillator has a pane of its own between the candles and the volume.
        var panes = await _page.Locator(ChartProbe.Plot).EvaluateAsync<JsonElement>("el => [el._fullLayout.yaxis.domain, el._fullLayout.yaxis3.domain, el._fullLayout.yaxis2.domain]");
        Assert.True(panes[0][0].GetDouble() > panes[1][1].GetDouble() && panes[1][0].GetDouble() > panes[2][1].GetDouble(), panes.ToString());

        // The values are the shared calculator's: the same as the server holds for that candle.
        var t = traces[0].GetProperty("t").GetInt64();
        var drawnEma = traces[0].GetProperty("y").GetDouble();
        var key = new IndicatorKey(new Series("SOLUSDT", Interval.OneMinute), IndicatorSpec.Parse("ema(21)"));
        using (var lease = server.Services.GetRequiredService<VenueDirectory>().Default.Indicators.TryAcquireRunning(key))
        {
            Assert.NotNull(lease);
            var held = lease.Indicator.ValuesFrom(t)[0];
            Assert.Equal(t, held.OpenTime);
            Assert.Equal((double)held.Value, drawnEma, 6);
        }

        var rsi = traces[1].GetProperty("y").GetDouble();
        Assert.InRange(rsi, 0, 100);

        // The legend shows both at the newest candle without a crosshair.
        var legend = _page.GetByTestId("indicator-legend");
        await Expect(legend.Locator("[data-spec='ema(21)'] b")).Not.ToHaveTextAsync("–");
        await Expect(legend.Locator("[data-spec='rsi(14)'] b")).Not.ToHaveTextAsync("–");

        // The set is in the link and remembered: the same page opened bare shows it again.
        Assert.Contains("ind=ema%2821%29%3Brsi%2814%29", _page.Url.Replace("(", "%28").Replace(")", "%29").Replace(";", "%3B"), StringComparison.OrdinalIgnoreCase);
        await _page.GotoAsync("/chart/SOLUSDT/1m?tz=UTC&scale=linear");
        await ViewProbe.WaitViewAsync(_page);
        await ViewProbe.WaitUntilAsync(_page, "el => el.dataset.indicators === 'ema(21);rsi(14)' && el.data.length === 5");

        // Removing one drops its trace and its pane.
        await _page.Locator("[data-testid=indicator-chip][data-spec='rsi(14)'] [data-testid=indicator-remove]").ClickAsync();
        await ViewProbe.WaitUntilAsync(_page, "el => el.dataset.indicators === 'ema(21)' && el.data.length === 4 && !el._fullLayout.yaxis3");
    }

    [Fact]
    public async Task The_legend_reads_the_indicators_at_the_crosshair()
    {
        await _page.GotoAsync("/chart/ETHUSDT/5m?tz=UTC&scale=linear&ind=sma(10);bollinger(20,2)");
        var view = await ViewProbe.WaitViewAsync(_page);
        await ViewProbe.WaitUntilAsync(_page, "el => el.dataset.indicators === 'sma(10);bollinger(20,2)' && el.data.length === 7 && el.data[3].y.some(v => v !== null)");

        var target = await _page.Locator(ChartProbe.Plot).EvaluateAsync<JsonElement>("""
            el => {
                const s = el._candleSeries, i = s.t.length - 15;
                const xa = el._fullLayout.xaxis, rect = el.getBoundingClientRect();
                const k = el.data[3].customdata.indexOf(s.t[i]);
                return { t: s.t[i], sma: el.data[3].y[k], upper: el.data[5].y[k], x: rect.left + xa._offset + xa.l2p(s.t[i]) };
            }
            """);
        await _page.Mouse.MoveAsync((float)target.GetProperty("x").GetDouble(), (float)(view.PlotTop + (view.PlotHeight / 3)));

        var legend = _page.GetByTestId("indicator-legend");
        await Expect(legend).ToHaveAttributeAsync("data-open-time", target.GetProperty("t").GetInt64().ToString(CultureInfo.InvariantCulture));
        var sma = await legend.Locator("[data-spec='sma(10)'] b").TextContentAsync();
        Assert.Equal(target.GetProperty("sma").GetDouble(), double.Parse(sma!.Replace(",", ""), CultureInfo.InvariantCulture), 2);
        var upper = await legend.Locator("[data-spec='bollinger(20,2)'] b[data-output=upper]").TextContentAsync();
        Assert.Equal(target.GetProperty("upper").GetDouble(), double.Parse(upper!.Replace(",", ""), CultureInfo.InvariantCulture), 2);
    }

    // Once a live update has been drawn in place (chartForming.js), the newest candle's path, its volume
    // bar and the EMA's line are read; then they are blanked and plotly redraws everything from its arrays,
    // in the same task (no update can come in between). Plotly's own drawing must put them back exactly.
    private const string PatchedAgainstPlotly = """
        el => {
            if (el.dataset.formingDrawn !== 'patched') return null;
            const groups = [...el.querySelectorAll('.cartesianlayer g.trace')];
            const of = k => groups.find(g => g.__data__ && g.__data__[0].trace.index === k);
            const w = el.data[0].x.length - 1;
            const read = () => [of(0).querySelectorAll('path.box')[w], of(1).querySelectorAll('g.point > path')[w], of(3).querySelector('path.js-line')];
            const patched = read().map(p => p.getAttribute('d'));
            read().forEach(p => p.setAttribute('d', 'M0,0Z'));
            window.Plotly.redraw(el);
            return { patched, drawn: read().map(p => p.getAttribute('d')), patches: Number(el.dataset.formingPatches) };
        }
        """;

    [Fact]
    public async Task Live_updates_between_candles_are_drawn_in_place_exactly_where_plotly_draws_them()
    {
        await _page.GotoAsync("/chart/ETHUSDT/15s?tz=UTC&scale=linear&ind=ema(5);macd(12,26,9)");
        await ViewProbe.WaitViewAsync(_page);
        await ViewProbe.WaitUntilAsync(_page, "el => el.dataset.indicators === 'ema(5);macd(12,26,9)' && el.data.length === 7 && el.data[3].y.some(v => v !== null)");

        // Checked the moment an in-place draw lands (an observer of the element's marker runs before the page
        // handles anything else), not by polling: a poll can fall between a new update and its frame.
        var result = await _page.EvaluateAsync<JsonElement>(
            $$"""
            () => new Promise((resolve, reject) => {
                const el = document.querySelector('{{ChartProbe.Plot}}');
                const check = {{PatchedAgainstPlotly}};
                const observer = new MutationObserver(() => {
                    const result = check(el);
                    if (result) { observer.disconnect(); clearTimeout(timer); resolve(result); }
                });
                const timer = setTimeout(() => { observer.disconnect(); reject(new Error('no live update was drawn in place within 30 s')); }, 30_000);
                observer.observe(el, { attributes: true, attributeFilter: ['data-forming-drawn'] });
            })
            """);
        Assert.True(result.GetProperty("patches").GetInt32() >= 1);

        string[] parts = ["candle", "volume bar", "ema line"];
        for (var k = 0; k < parts.Length; k++)
        {
            var patched = Numbers(result.GetProperty("patched")[k].GetString()!);
            var drawn = Numbers(result.GetProperty("drawn")[k].GetString()!);
            Assert.True(drawn.Length > 2, $"{parts[k]}: plotly drew {result.GetProperty("drawn")[k]}");
            Assert.Equal(drawn.Length, patched.Length);
            for (var i = 0; i < drawn.Length; i++)
            {
                // Plotly rounds to hundredths of a pixel, and so does the edit.
                Assert.True(Math.Abs(drawn[i] - patched[i]) <= 0.02, $"{parts[k]}: coordinate {i} is {patched[i]} in place, {drawn[i]} by plotly");
            }
        }
    }

    private static double[] Numbers(string path) =>
        [.. System.Text.RegularExpressions.Regex.Matches(path, @"-?\d+(?:\.\d+)?(?:e-?\d+)?").Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture))];

    [Fact]
    public async Task A_bad_indicator_in_the_link_is_named_and_the_good_ones_are_drawn()
    {
        await _page.GotoAsync("/chart/BTCUSDT/1m?tz=UTC&scale=linear&ind=ema(0);wma(9)");
        await ViewProbe.WaitViewAsync(_page);

        await Expect(_page.GetByTestId("link-notice")).ToContainTextAsync("Parameter 'period' of ema must be a whole number from 1 to 1000; 0 is out of range.");
        await ViewProbe.WaitUntilAsync(_page, "el => el.dataset.indicators === 'wma(9)' && el.data.length === 4");

        // The panel refuses what the engine refuses, with its message, and adds nothing.
        await _page.GetByTestId("indicator-add-toggle").ClickAsync();
        await _page.GetByTestId("indicator-kind").SelectOptionAsync("rsi");
        await WaitForFormOfAsync("rsi");
        await _page.GetByTestId("indicator-param-period").FillAsync("abc");
        await _page.GetByTestId("indicator-add").ClickAsync();
        await Expect(_page.GetByTestId("indicator-form-problem")).ToHaveTextAsync("Parameter 'period' of rsi must be a whole number from 1 to 1000; 'abc' is not.");
        await Expect(_page.GetByTestId("indicator-chip")).ToHaveCountAsync(1);
    }
}
