using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CandleDashboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>
/// What the chart tells a trader, in real Chromium: the countdown to the close, the crosshair legend,
/// times in a chosen zone across a DST change, price scales, links that keep the view, the phone layout.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ChartReadoutTests(DashboardServer server, BrowserFixture browser) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync(server.BaseAddress);

    public Task DisposeAsync() => BrowserFixture.CloseAsync(_page);

    [Fact]
    public async Task The_countdown_ticks_each_second_on_the_servers_clock()
    {
        await _page.GotoAsync("/chart/BTCUSDT/5m?tz=UTC&scale=linear");
        await ViewProbe.WaitViewAsync(_page);
        var plot = _page.Locator(ChartProbe.Plot);
        await Expect(plot).ToHaveAttributeAsync("data-countdown", new Regex(@"^\d\d:\d\d$"));

        var first = Seconds((await plot.GetAttributeAsync("data-countdown"))!);
        var serverNow = server.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeMilliseconds();
        var expected = (((serverNow / 300_000) + 1) * 300_000 - serverNow) / 1000.0;
        Assert.InRange(first, expected - 2, expected + 2);

        // Watched for 2.5 s in the page: it changes about once a second, each reading as many seconds
        // lower as have passed (a tick delayed on a busy machine shows the current time, never a stale one).
        var readings = await plot.EvaluateAsync<JsonElement>("""
            el => new Promise(resolve => {
                const seen = [[performance.now(), el.dataset.countdown]];
                const observer = new MutationObserver(() => seen.push([performance.now(), el.dataset.countdown]));
                observer.observe(el, { attributes: true, attributeFilter: ['data-countdown'] });
                setTimeout(() => { observer.disconnect(); resolve(seen); }, 2500);
            })
            """);
        var seen = readings.EnumerateArray().Select(r => (Ms: r[0].GetDouble(), Left: Seconds(r[1].GetString()!))).ToArray();
        Assert.True(seen.Length >= 3, $"at least two ticks in 2.5 s ({seen.Length - 1})");
        foreach (var (ms, left) in seen.Skip(1))
        {
            var expectedLeft = seen[0].Left - ((ms - seen[0].Ms) / 1000);
            Assert.True(Math.Abs(left - expectedLeft) <= 1.5 || (seen[0].Left <= 3 && left >= 297), $"{seen[0].Left} s left, then {left} s after {(ms - seen[0].Ms):0} ms");
        }

        // Read together: a tick between two reads would make them differ by a second.
        var shown = await plot.EvaluateAsync<string[]>("el => [el.querySelector('.annotation-text').textContent, el.dataset.countdown]");
        Assert.Contains(shown[1], shown[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_legend_follows_the_crosshair_with_the_candles_values_and_change()
    {
        await _page.GotoAsync("/chart/ETHUSDT/1h?tz=UTC&scale=linear");
        var view = await ViewProbe.WaitViewAsync(_page);

        // Hover the candle 20 from the right edge of the data, at its own x position.
        var target = await _page.Locator(ChartProbe.Plot).EvaluateAsync<JsonElement>("""
            el => {
                const s = el._candleSeries, i = s.t.length - 20;
                const xa = el._fullLayout.xaxis, rect = el.getBoundingClientRect();
                return { t: s.t[i], o: s.o[i], h: s.h[i], l: s.l[i], c: s.c[i], prev: s.c[i - 1], v: s.v[i], official: s.official[i],
                         x: rect.left + xa._offset + xa.l2p(s.t[i]) };
            }
            """);
        await _page.Mouse.MoveAsync((float)target.GetProperty("x").GetDouble(), (float)(view.PlotTop + (view.PlotHeight / 2)));

        var legend = _page.GetByTestId("hover-legend");
        await Expect(legend).ToBeVisibleAsync();
        await Expect(legend).ToHaveAttributeAsync("data-open-time", target.GetProperty("t").GetInt64().ToString(CultureInfo.InvariantCulture));
        await Expect(_page.GetByTestId("chart-legend").Locator(".ohlc:not(.hover-ohlc)")).ToBeHiddenAsync();
        var time = DateTimeOffset.FromUnixTimeMilliseconds(target.GetProperty("t").GetInt64()).UtcDateTime;
        await Expect(legend.Locator("[data-field=time]")).ToContainTextAsync(time.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture));
        await Expect(legend.Locator("[data-field=open]")).ToHaveTextAsync(Price(target, "o"));
        await Expect(legend.Locator("[data-field=high]")).ToHaveTextAsync(Price(target, "h"));
        await Expect(legend.Locator("[data-field=low]")).ToHaveTextAsync(Price(target, "l"));
        await Expect(legend.Locator("[data-field=close]")).ToHaveTextAsync(Price(target, "c"));
        var close = target.GetProperty("c").GetDecimal();
        var previous = target.GetProperty("prev").GetDecimal();
        var percent = Math.Abs((close - previous) / previous * 100m).ToString("0.00", CultureInfo.InvariantCulture);
        await Expect(legend.Locator("[data-field=change]")).ToContainTextAsync($"{percent}%)");
        await Expect(legend.Locator("[data-field=source]")).ToHaveTextAsync(target.GetProperty("official").GetBoolean() ? "official" : "live-built");
        await Screenshots.SaveForDocsAsync(_page, "chart");

        // Off the chart: the forming candle's readout is back.
        await _page.Mouse.MoveAsync(5, 5);
        await Expect(legend).ToBeHiddenAsync();
        await Expect(_page.GetByTestId("last-close")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_zone_with_a_DST_change_in_view_labels_the_axis_at_its_own_midnights()
    {
        // The latest change of London's offset that is at least two weeks old: the 1d history (300 days) holds it.
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var change = LatestOffsetChange(london, DateTimeOffset.UtcNow.AddDays(-14));
        var from = change.AddDays(-10).ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture);
        var to = change.AddDays(10).ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture);
        await _page.GotoAsync($"/chart/BTCUSDT/1d?tz=Europe/London&scale=linear&from={from}&to={to}");
        var view = await ViewProbe.WaitViewAsync(_page);

        Assert.Equal(change.AddDays(-10).ToUnixTimeMilliseconds(), view.From, 0);
        Assert.True(view.TimeTickValues.Length >= 4, "several date ticks in a 20-day view");
        var offsets = new HashSet<TimeSpan>();
        for (var i = 0; i < view.TimeTickValues.Length; i++)
        {
            var utc = DateTimeOffset.FromUnixTimeMilliseconds((long)view.TimeTickValues[i]);
            var local = TimeZoneInfo.ConvertTime(utc, london);
            Assert.Equal(TimeSpan.Zero, local.TimeOfDay); // every tick is a London midnight, before and after the change
            var expected = local.Day == 1 ? local.ToString("MMM", CultureInfo.InvariantCulture) : local.ToString("d MMM", CultureInfo.InvariantCulture);
            Assert.Equal(expected, view.TimeTickText[i]);
            offsets.Add(local.Offset);
        }

        Assert.Equal(2, offsets.Count); // GMT and BST both in view
        await Expect(_page.GetByTestId("bucket-note")).ToContainTextAsync("buckets start at 00:00 UTC");
        await Expect(_page.GetByTestId("settings-summary")).ToHaveTextAsync(new Regex("^Europe/London · Linear$"));
    }

    [Fact]
    public async Task Scales_and_zone_chosen_in_the_toolbar_apply_at_once_are_remembered_and_round_trip_through_the_link()
    {
        await _page.GotoAsync("/chart/SOLUSDT/1h?tz=UTC&scale=linear");
        await ViewProbe.WaitViewAsync(_page);

        await _page.GetByTestId("settings-toggle").ClickAsync();
        await _page.GetByTestId("scale-picker").Locator(".mud-select").First.ClickAsync();
        await _page.GetByTestId("scale-option-percent").ClickAsync();
        await ViewProbe.WaitUntilAsync(_page, "el => el.dataset.scale === 'percent'");
        var percent = await ViewProbe.ReadAsync(_page);
        Assert.NotEmpty(percent.PriceTickText);
        Assert.All(percent.PriceTickText, t => Assert.Matches(@"^[+\-]?\d+(\.\d+)?%$", t));
        Assert.Contains("0%", percent.PriceTickText); // the first visible close is the zero line, when in the range

        await _page.Locator("#zone-select").FillAsync("Tokyo");
        await _page.GetByRole(AriaRole.Option, new() { Name = "Asia/Tokyo" }).ClickAsync();
        await ViewProbe.WaitUntilAsync(_page, "el => el.dataset.zone === 'Asia/Tokyo'");
        await _page.Keyboard.PressAsync("Escape");
        await Expect(_page.GetByTestId("settings-panel")).ToBeHiddenAsync();

        // Pan back, so the link carries a range too; the URL says all of it.
        await _page.Keyboard.PressAsync("ArrowLeft");
        await ViewProbe.WaitUntilAsync(_page, "el => el.dataset.following === 'false'");
        await Expect(_page).ToHaveURLAsync(new Regex(@"tz=Asia%2FTokyo.*scale=percent.*from=.*to="));
        var shown = await ViewProbe.ReadAsync(_page);

        // The link in a fresh browser shows the same view; the choice is remembered without it too.
        var link = _page.Url;
        var friend = await browser.NewPageAsync(server.BaseAddress);
        try
        {
            await friend.GotoAsync(link);
            var seen = await ViewProbe.WaitViewAsync(friend);
            Assert.InRange(seen.From, shown.From - 1000, shown.From + 1000);
            Assert.InRange(seen.To, shown.To - 1000, shown.To + 1000);
            await Expect(friend.Locator(ChartProbe.Plot)).ToHaveAttributeAsync("data-zone", "Asia/Tokyo");
            await Expect(friend.Locator(ChartProbe.Plot)).ToHaveAttributeAsync("data-scale", "percent");
        }
        finally
        {
            await BrowserFixture.CloseAsync(friend);
        }

        await _page.GotoAsync("/chart/SOLUSDT/4h");
        await ViewProbe.WaitViewAsync(_page);
        await Expect(_page.Locator(ChartProbe.Plot)).ToHaveAttributeAsync("data-zone", "Asia/Tokyo");
        await Expect(_page.GetByTestId("settings-summary")).ToHaveTextAsync("Asia/Tokyo · Percent");

        // Log scale: a log axis, fitted to the candles in view (in log units).
        await _page.GotoAsync("/chart/SOLUSDT/4h?scale=log");
        var log = await ViewProbe.WaitViewAsync(_page);
        Assert.Equal("log", log.YType);
        Assert.True(log.YLow <= Math.Log10(log.VisibleLow) && log.YHigh >= Math.Log10(log.VisibleHigh));
    }

    [Fact]
    public async Task A_link_with_an_unknown_zone_or_a_bad_range_says_so_and_shows_the_latest_candles_in_UTC()
    {
        await _page.GotoAsync("/chart/BTCUSDT/1m?tz=Mars/Olympus&scale=linear&from=yesterday&to=2026-01-01T00:00Z");
        var view = await ViewProbe.WaitViewAsync(_page);

        await Expect(_page.GetByTestId("link-notice")).ToContainTextAsync("Unknown time zone 'Mars/Olympus'");
        await Expect(_page.GetByTestId("link-notice")).ToContainTextAsync("range (from, to) was not understood");
        await Expect(_page.Locator(ChartProbe.Plot)).ToHaveAttributeAsync("data-zone", "UTC");
        Assert.True(view.Following);
    }

    [Fact]
    public async Task On_a_phone_the_toolbar_is_one_line_the_chart_fills_the_screen_pinch_zooms_and_one_finger_pans()
    {
        var phone = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            HasTouch = true,
            IsMobile = true,
            DeviceScaleFactor = 2,
        });
        var page = await phone.NewPageAsync();
        try
        {
            await page.GotoAsync("/chart/BTCUSDT/1m?tz=UTC&scale=linear");
            var start = await ViewProbe.WaitViewAsync(page);

            var middles = await page.EvaluateAsync<double[]>("""
                () => [...document.querySelectorAll('.app-header .picker, .app-header [data-testid=settings-toggle], .app-header [data-testid=theme-toggle]')]
                      .map(e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; })
                """);
            Assert.True(middles.Length >= 4, "symbol, interval, settings and theme controls are in the header");
            Assert.True(middles.Max() - middles.Min() < 12, $"toolbar controls on one line (middles {string.Join(", ", middles)})");
            var width = await page.EvaluateAsync<double>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"nothing wider than the phone ({width} px)");
            var plot = (await page.Locator(ChartProbe.Plot).BoundingBoxAsync())!;
            Assert.True(plot.Width >= 370 && plot.Height >= 560, $"the chart fills the screen ({plot.Width}×{plot.Height})");
            await Screenshots.SaveAsync(page, "chart-phone-390x844");

            // Two fingers spread apart: the time axis zooms in around them.
            await Touch(page, "touchstart", [(150, 400), (240, 400)]);
            await Touch(page, "touchmove", [(100, 400), (290, 400)]);
            await Touch(page, "touchend", []);
            await ViewProbe.WaitUntilAsync(page, $"(el, a) => {{ const r = {ViewProbe.RangeJs}; return r[1] - r[0] < a * 0.7; }}", start.Span);
            var pinched = await ViewProbe.ReadAsync(page);
            Assert.Equal(start.Span * 90 / 190, pinched.Span, 0);

            // One finger drags right: older candles come into view.
            await Touch(page, "touchstart", [(100, 400)]);
            await Touch(page, "touchmove", [(250, 400)]);
            await Touch(page, "touchend", []);
            await ViewProbe.WaitUntilAsync(page, $"(el, a) => {{ const r = {ViewProbe.RangeJs}; return r[0] < a - 1000; }}", pinched.From);
            var panned = await ViewProbe.ReadAsync(page);
            Assert.Equal(pinched.Span, panned.Span, 0);
            var expectedFrom = pinched.From - (150 / pinched.PlotWidth * pinched.Span);
            Assert.InRange(panned.From, expectedFrom - 1000, expectedFrom + 1000);
        }
        finally
        {
            await phone.CloseAsync();
        }
    }

    // Synthetic touch events on the plot (what a finger sends), dispatched in the page.
    private static Task Touch(IPage page, string type, (double X, double Y)[] points) =>
        page.Locator(ChartProbe.Plot).EvaluateAsync(
            """
            (el, a) => {
                const touches = a.points.map((p, i) => new Touch({ identifier: i, target: el, clientX: p[0], clientY: p[1] }));
                el.dispatchEvent(new TouchEvent(a.type, { touches, changedTouches: touches, bubbles: true, cancelable: true }));
            }
            """,
            new { type, points = points.Select(p => new[] { p.X, p.Y }).ToArray() });

    private static int Seconds(string mmss) =>
        (int.Parse(mmss[..2], CultureInfo.InvariantCulture) * 60) + int.Parse(mmss[3..], CultureInfo.InvariantCulture);

    private static string Price(JsonElement candle, string field) =>
        candle.GetProperty(field).GetDecimal().ToString("N2", CultureInfo.InvariantCulture);

    private static DateTimeOffset LatestOffsetChange(TimeZoneInfo zone, DateTimeOffset before)
    {
        var day = new DateTimeOffset(before.UtcDateTime.Date, TimeSpan.Zero);
        for (var i = 0; i < 400; i++, day = day.AddDays(-1))
        {
            if (zone.GetUtcOffset(day) != zone.GetUtcOffset(day.AddDays(1)))
            {
                return day.AddDays(1);
            }
        }

        throw new InvalidOperationException($"{zone.Id} changed its offset nowhere in the 400 days before {before:O}");
    }
}
