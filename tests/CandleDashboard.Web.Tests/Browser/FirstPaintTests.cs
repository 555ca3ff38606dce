using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CandleDashboard.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>
/// Issue 12, point 1: the chart page's first response carries the chart's candles, the page draws
/// them before the circuit starts, and the circuit's chart adopts that plot (no second newPlot)
/// and keeps it live.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class FirstPaintTests(DashboardServer server, BrowserFixture browser) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    // Counts plotly's newPlot calls from before any page script runs: plotly's bundle assigns window.Plotly.
    private const string CountNewPlots = """
        (() => {
            window.__newPlots = [];
            let plotly;
            Object.defineProperty(window, 'Plotly', {
                configurable: true,
                get() { return plotly; },
                set(value) {
                    plotly = value;
                    if (value && value.newPlot && !value.__counted) {
                        const newPlot = value.newPlot;
                        value.newPlot = function (gd, ...rest) {
                            window.__newPlots.push(typeof gd === 'string' ? gd : gd.id);
                            return newPlot.call(this, gd, ...rest);
                        };
                        value.__counted = true;
                    }
                },
            });
        })();
        """;

    private const string PreDrawn = """
        () => {
            const el = document.querySelector('[data-testid=loading-skeleton] #first-paint-plot');
            const s = el && el._candleSeries;
            return el && el.dataset.view === 'ready' && s && s.t.length ? { count: s.t.length, last: s.t[s.t.length - 1] } : null;
        }
        """;

    private const string Box = "el => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }";

    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync(server.BaseAddress);

    public Task DisposeAsync() => BrowserFixture.CloseAsync(_page);

    [GeneratedRegex("""<script type="application/json" id="first-paint-data">(.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex DataBlock();

    [Theory]
    [InlineData("/chart/BTCUSDT/1m", "api/candles/BTCUSDT/1m?count=300")]
    [InlineData("/chart/kraken/BTCUSD/5m", "api/candles/BTCUSD/5m?count=300&exchange=kraken")]
    public async Task The_first_response_carries_the_candles_the_api_returns(string page, string api)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var deadline = DateTime.UtcNow + Patience;
        string problem;
        do
        {
            // Live candles move between the two requests: a pair taken while a candle closes or turns
            // official may differ, so pairs are taken until one agrees (or the deadline).
            var html = await http.GetStringAsync(page);
            var match = DataBlock().Match(html);
            if (!match.Success)
            {
                // The first read of a series nobody watches yet may take longer than the first response
                // waits (FirstPaintSource.ReadTimeout): that page comes without candles, as before.
                problem = "the first response has no first-paint data block";
                continue;
            }

            using var embedded = JsonDocument.Parse(match.Groups[1].Value);
            var answer = await http.GetFromJsonAsync<JsonElement>(api);
            problem = Compare(embedded.RootElement.GetProperty("candles"), answer.GetProperty("candles"));
            if (problem.Length == 0)
            {
                return;
            }
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail(problem);
    }

    [Theory]
    [InlineData("/chart/BTCUSDT/1m?layout=4")]
    [InlineData("/chart/BTCUSDT/1m?layout=2h")]
    [InlineData("/chart/BTCUSDT/1m?from=1767225600000&to=1767229200000")]
    [InlineData("/chart/NOPE/1m")]
    public async Task Layouts_deep_ranges_and_unknown_series_are_not_pre_drawn(string page)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var html = await http.GetStringAsync(page);

        Assert.DoesNotContain("first-paint-data", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plot_holds_its_candles_before_the_circuit_starts_and_is_adopted_without_a_second_draw()
    {
        await _page.AddInitScriptAsync(CountNewPlots);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _page.RouteAsync("**/_blazor/**", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });

        await _page.GotoAsync("/chart/BTCUSDT/1m");

        // Before the circuit: the skeleton's plot holds the embedded candles, in view.
        var preDrawn = await _page.WaitForFunctionAsync(PreDrawn, null, new() { Timeout = (float)Patience.TotalMilliseconds });
        var before = await preDrawn.JsonValueAsync<JsonElement>();
        Assert.True(before.GetProperty("count").GetInt32() >= 290, $"the pre-drawn plot holds {before}");
        Assert.Equal(0, await _page.Locator(ChartProbe.Chart).CountAsync()); // the circuit has not rendered the page
        await Expect(_page.Locator("#first-paint-plot")).ToBeVisibleAsync();
        await _page.EvaluateAsync("() => { document.getElementById('first-paint-plot').__firstPaint = true; }");
        await Screenshots.SaveAsync(_page, "first-paint-before-circuit");
        var drawnBox = await _page.Locator("#first-paint-plot").EvaluateAsync<double[]>(Box);
        Assert.Equal(1, await _page.EvaluateAsync<int>("() => window.__newPlots.length"));

        await _page.UnrouteAsync("**/_blazor/**");
        release.SetResult();

        // The circuit's chart shows the very element that was drawn first, and plotly was asked to draw once.
        var adopted = await ChartProbe.WaitReadyAsync(_page);
        await Expect(_page.GetByTestId("loading-skeleton")).ToBeHiddenAsync();
        Assert.True(await _page.Locator(ChartProbe.Plot).EvaluateAsync<bool>("el => el.__firstPaint === true && el.dataset.adopted === 'true'"),
            "the chart's plot is not the pre-drawn element");
        Assert.Equal("BTCUSDT", adopted.Name);
        await Screenshots.SaveAsync(_page, "first-paint-adopted");

        // Where it was drawn: the chart's card has the skeleton card's box, and the legend row its height.
        var adoptedBox = await _page.Locator(ChartProbe.Plot).EvaluateAsync<double[]>(Box);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(Math.Abs(drawnBox[i] - adoptedBox[i]) <= 1, $"pre-drawn plot [{string.Join(", ", drawnBox)}] vs adopted [{string.Join(", ", adoptedBox)}]");
        }

        // A live update then reaches that plot (40 trades a second move the forming candle).
        var first = adopted;
        await WaitUntilAsync(async () => await ChartProbe.ReadAsync(_page) is { } now && (now.LastTime != first.LastTime || now.LastClose != first.LastClose || now.PriceLine != first.PriceLine));
        Assert.True(await _page.Locator(ChartProbe.Plot).EvaluateAsync<bool>("el => el.__firstPaint === true"));
        Assert.Equal(1, await _page.EvaluateAsync<int>("() => window.__newPlots.length"));
        Assert.True(await _page.EvaluateAsync<int>("async () => (await import('/js/candleChart.js')).stats().updates") > 0);
    }

    [Theory]
    [InlineData("dark")]
    [InlineData("light")]
    public async Task The_pre_drawn_plot_has_the_theme_zone_and_scale_the_adopted_chart_keeps(string theme)
    {
        // The trader's stored choices: the theme in its cookie (the server's), the zone and scale in the browser's storage.
        await _page.Context.AddCookiesAsync([new Cookie { Name = "candledashboard.theme", Value = theme, Url = server.BaseAddress.ToString() }]);
        await _page.AddInitScriptAsync(CountNewPlots + "localStorage.setItem('candledashboard.chart', JSON.stringify({ zone: 'Asia/Tokyo', scale: 'log' }));");
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _page.RouteAsync("**/_blazor/**", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });

        await _page.GotoAsync("/chart/BTCUSDT/1m");
        await _page.WaitForFunctionAsync(PreDrawn, null, new() { Timeout = (float)Patience.TotalMilliseconds });
        const string Looks = "el => [el.dataset.zone, el.dataset.scale, el._fullLayout.yaxis.type, el._fullLayout.paper_bgcolor].join(' ')";
        var before = await _page.Locator("#first-paint-plot").EvaluateAsync<string>(Looks);

        await _page.UnrouteAsync("**/_blazor/**");
        release.SetResult();
        await ChartProbe.WaitReadyAsync(_page);
        var after = await _page.Locator(ChartProbe.Plot).EvaluateAsync<string>(Looks);

        Assert.StartsWith("Asia/Tokyo log log ", before, StringComparison.Ordinal);
        Assert.Equal(before, after);
        Assert.Equal(theme == "dark", after.EndsWith("#0d1117", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, await _page.EvaluateAsync<int>("() => window.__newPlots.length"));
    }

    [Fact]
    public async Task A_candle_that_changed_since_the_first_response_is_put_right_when_the_chart_adopts_the_plot()
    {
        // The first response as if it had been written just before a candle turned official: that
        // candle arrives live-built with another close.
        long tampered = 0;
        decimal realClose = 0;
        bool realOfficial = false;
        await _page.AddInitScriptAsync(CountNewPlots);
        await _page.RouteAsync("**/chart/BTCUSDT/1m", async route =>
        {
            var response = await route.FetchAsync();
            var html = await response.TextAsync();
            var match = DataBlock().Match(html);
            var paint = System.Text.Json.Nodes.JsonNode.Parse(match.Groups[1].Value)!;
            var candles = paint["candles"]!.AsArray();
            var candle = candles[candles.Count - 3]!;
            tampered = candle["t"]!.GetValue<long>();
            realClose = candle["c"]!.GetValue<decimal>();
            realOfficial = candle["official"]!.GetValue<bool>();
            candle["c"] = realClose + 1000m;
            candle["official"] = false;
            await route.FulfillAsync(new() { Response = response, Body = html.Replace(match.Groups[1].Value, paint.ToJsonString(), StringComparison.Ordinal) });
        });

        await _page.GotoAsync("/chart/BTCUSDT/1m");
        await ChartProbe.WaitReadyAsync(_page);

        var held = await _page.Locator(ChartProbe.Plot).EvaluateAsync<JsonElement>(
            "(el, t) => { const s = el._candleSeries, i = s.t.indexOf(t); return { found: i >= 0, c: s.c[i], official: s.official[i], adopted: el.dataset.adopted === 'true' }; }", tampered);
        Assert.True(held.GetProperty("adopted").GetBoolean(), "the plot was not adopted");
        Assert.True(held.GetProperty("found").GetBoolean());
        Assert.Equal((double)realClose, held.GetProperty("c").GetDouble());
        Assert.Equal(realOfficial, held.GetProperty("official").GetBoolean());
        Assert.Equal(1, await _page.EvaluateAsync<int>("() => window.__newPlots.length"));
    }

    [Fact]
    public async Task A_layout_page_is_drawn_by_the_circuit_as_before()
    {
        await _page.GotoAsync("/chart/BTCUSDT/1m?layout=2h");

        await Expect(_page.Locator("[data-testid=candle-chart][data-state=ready]")).ToHaveCountAsync(2, new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(_page.GetByTestId("loading-skeleton")).ToBeHiddenAsync();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(50);
        }
    }

    // Every embedded candle the API also returns must carry the same values; the newest (forming)
    // candle of either side may have moved on, and at least all but two must be shared.
    private static string Compare(JsonElement embedded, JsonElement api)
    {
        var byTime = api.EnumerateArray().ToDictionary(c => c.GetProperty("openTime").GetInt64());
        var candles = embedded.EnumerateArray().ToList();
        if (candles.Count < 290)
        {
            return $"only {candles.Count} candles embedded";
        }

        var shared = 0;
        for (var i = 0; i < candles.Count - 1; i++)
        {
            var c = candles[i];
            if (!byTime.TryGetValue(c.GetProperty("t").GetInt64(), out var a))
            {
                continue;
            }

            shared++;
            foreach (var (mine, theirs) in new[] { ("o", "open"), ("h", "high"), ("l", "low"), ("c", "close"), ("v", "volume") })
            {
                var value = c.GetProperty(mine).GetDecimal();
                var expected = decimal.Parse(a.GetProperty(theirs).GetString()!, CultureInfo.InvariantCulture);
                if (value != expected)
                {
                    return $"candle {c.GetProperty("t")}: {mine} {value} embedded, {expected} from the API";
                }
            }
        }

        return shared >= candles.Count - 3 ? "" : $"only {shared} of {candles.Count} embedded candles are in the API's answer";
    }
}
