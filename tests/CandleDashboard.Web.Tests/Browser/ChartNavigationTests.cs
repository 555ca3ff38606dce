using System.Globalization;
using CandleDashboard.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>
/// Moving around the chart as a trader does, in real Chromium: wheel, drag, keyboard, double-click,
/// the live edge, and scroll-back into older history.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ChartNavigationTests(DashboardServer server, BrowserFixture browser) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync(server.BaseAddress);

    public Task DisposeAsync() => BrowserFixture.CloseAsync(_page);

    [Fact]
    public async Task Wheel_zooms_time_around_the_cursor_and_the_price_axis_fits_the_candles_in_view()
    {
        await _page.GotoAsync("/chart/BTCUSDT/1m?tz=UTC&scale=linear");
        var before = await ViewProbe.WaitViewAsync(_page);
        AssertFits(before);
        Assert.InRange(before.Span / 60_000, 100, 140); // the latest ~120 candles, not all 300 loaded

        // Zoom in with the pointer at a quarter of the plot's width: the time under it stays put.
        var x = before.PlotLeft + (before.PlotWidth / 4);
        var anchor = before.From + (before.Span / 4);
        await _page.Mouse.MoveAsync((float)x, (float)(before.PlotTop + (before.PlotHeight / 2)));
        await _page.Mouse.WheelAsync(0, -400);
        await ViewProbe.WaitUntilAsync(_page, $"(el, a) => {{ const r = {ViewProbe.RangeJs}; return r[1] - r[0] < a * 0.8; }}", before.Span);

        var after = await ViewProbe.ReadAsync(_page);
        Assert.True(after.Span < before.Span * 0.8, $"span {after.Span} should be well under {before.Span}");
        var anchorAfter = after.From + ((after.To - after.From) / 4);
        Assert.InRange(anchorAfter, anchor - 60_000, anchor + 60_000);
        AssertFits(after);
        Assert.All(after.VolumeTickText, t => Assert.Matches(@"^\d+(\.\d+)?[KMB]?$", t)); // plain units, never "500m"
    }

    [Fact]
    public async Task A_dragged_price_axis_stays_until_double_click_resets_the_view()
    {
        await _page.GotoAsync("/chart/ETHUSDT/1m?tz=UTC&scale=linear");
        var start = await ViewProbe.WaitViewAsync(_page);

        // Drag on the price axis (right of the plot area): plotly stretches it; the app must leave it alone.
        var axisX = (float)(start.PlotLeft + start.PlotWidth + 8);
        var midY = (float)(start.PlotTop + (start.PlotHeight * 0.2));
        await _page.Mouse.MoveAsync(axisX, midY);
        await _page.Mouse.DownAsync();
        await _page.Mouse.MoveAsync(axisX, midY + 80, new MouseMoveOptions { Steps = 6 });
        await _page.Mouse.UpAsync();
        await ViewProbe.WaitUntilAsync(_page, "(el, a) => Math.abs(el._fullLayout.yaxis.range[1] - a) > 1e-9", start.YHigh);
        var dragged = await ViewProbe.ReadAsync(_page);

        // A zoom in time keeps the trader's price range.
        await _page.Keyboard.PressAsync("+");
        await ViewProbe.WaitUntilAsync(_page, $"(el, a) => {{ const r = {ViewProbe.RangeJs}; return r[1] - r[0] < a * 0.9; }}", dragged.Span);
        var zoomed = await ViewProbe.ReadAsync(_page);
        Assert.Equal(dragged.YLow, zoomed.YLow, 6);
        Assert.Equal(dragged.YHigh, zoomed.YHigh, 6);

        // Double-click: back to the latest candles, price axis fitted again. plotly makes a double-click of
        // two clicks its own handler sees within 300 ms; on a loaded machine the page may see them further
        // apart, as a trader's slow double-click, and the trader clicks again: so may the test (three tries).
        var resetSpan = $"(el, a) => {{ const r = {ViewProbe.RangeJs}; return Math.abs((r[1] - r[0]) - a) < 1000; }}";
        for (var attempt = 1; ; attempt++)
        {
            await _page.Mouse.DblClickAsync((float)(start.PlotLeft + (start.PlotWidth / 2)), (float)(start.PlotTop + (start.PlotHeight / 3)));
            try
            {
                await ViewProbe.WaitUntilAsync(_page, resetSpan, start.Span, timeoutMs: 5_000);
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }

        var reset = await ViewProbe.ReadAsync(_page);
        AssertFits(reset);
        Assert.True(reset.Following);
    }

    [Fact]
    public async Task Panned_back_the_view_stays_while_candles_arrive_and_End_returns_to_following_the_live_edge()
    {
        // Two traders on the same series see the same bucket boundary: one has panned back, one follows.
        await _page.GotoAsync("/chart/SOLUSDT/15s?tz=UTC&scale=linear");
        var follower = await browser.NewPageAsync(server.BaseAddress);
        try
        {
            await follower.GotoAsync("/chart/SOLUSDT/15s?tz=UTC&scale=linear");
            var start = await ViewProbe.WaitViewAsync(_page);
            Assert.True(start.Following);
            await Expect(_page.GetByTestId("go-live")).ToBeHiddenAsync();

            // Drag the plot to the right: older candles come into view, the newest leaves it.
            var y = (float)(start.PlotTop + (start.PlotHeight / 2));
            await _page.Mouse.MoveAsync((float)(start.PlotLeft + 200), y);
            await _page.Mouse.DownAsync();
            await _page.Mouse.MoveAsync((float)(start.PlotLeft + 700), y, new MouseMoveOptions { Steps = 10 });
            await _page.Mouse.UpAsync();
            await ViewProbe.WaitUntilAsync(_page, "el => el.dataset.following === 'false'");
            await Expect(_page.GetByTestId("go-live")).ToBeVisibleAsync();
            var back = await ViewProbe.ReadAsync(_page);
            Assert.True(back.To < start.To);
            AssertFits(back);
            var following = await ViewProbe.WaitViewAsync(follower);
            Assert.True(following.Following);

            // A new candle arrives: the panned-back view does not move; the following one moves by exactly one bucket.
            var boundary = Math.Max(back.Times[^1], following.Times[^1]);
            const string NewCandle = "(el, a) => el._candleSeries.t[el._candleSeries.t.length - 1] > a";
            await Task.WhenAll(ViewProbe.WaitUntilAsync(_page, NewCandle, boundary, 25_000), ViewProbe.WaitUntilAsync(follower, NewCandle, boundary, 25_000));
            var still = await ViewProbe.ReadAsync(_page);
            Assert.Equal(back.From, still.From, 0);
            Assert.Equal(back.To, still.To, 0);
            var moved = await ViewProbe.ReadAsync(follower);
            Assert.Equal(following.From + 15_000, moved.From, 0);
            Assert.Equal(following.Span, moved.Span, 0);
            Assert.True(moved.Following);

            // End: back to the live edge with the same width, and following again.
            await _page.Keyboard.PressAsync("End");
            await ViewProbe.WaitUntilAsync(_page, "el => el.dataset.following === 'true'");
            await Expect(_page.GetByTestId("go-live")).ToBeHiddenAsync();
            var live = await ViewProbe.ReadAsync(_page);
            Assert.Equal(back.Span, live.Span, 0);
            Assert.True(live.To >= live.Times[^1]);
        }
        finally
        {
            await BrowserFixture.CloseAsync(follower);
        }
    }

    [Fact]
    public async Task Reaching_the_oldest_candle_loads_older_pages_without_moving_the_view()
    {
        await _page.GotoAsync("/chart/BNBUSDT/1h?tz=UTC&scale=linear");
        var start = await ViewProbe.WaitViewAsync(_page);
        var loaded = start.Times.Length;

        // Arrow keys pan left until the view nears the oldest loaded candle: one key at a time, each
        // drawn before the next (a busy machine must not merge two presses into one step).
        var from = start.From;
        for (var i = 0; i < 12; i++)
        {
            await _page.Keyboard.PressAsync("ArrowLeft");
            await ViewProbe.WaitUntilAsync(_page, $"(el, a) => {ViewProbe.RangeJs}[0] < a - 1000", from);
            from = (await ViewProbe.ReadAsync(_page)).From;
        }

        // Older candles prepended under the view without moving it.
        var expectedFrom = from;
        await ViewProbe.WaitUntilAsync(_page, $"(el, a) => el._candleSeries.t.length > a.loaded && Math.abs({ViewProbe.RangeJs}[0] - a.from) < 60000",
            new { loaded, from = expectedFrom });
        var after = await ViewProbe.ReadAsync(_page);
        Assert.True(after.Times[0] < start.Times[0], "older candles were prepended");
        for (var i = 1; i < after.Times.Length; i++)
        {
            Assert.Equal(3_600_000, after.Times[i] - after.Times[i - 1]); // contiguous, no duplicates
        }

        Assert.Equal(after.Times.Length, (await ChartProbe.ReadAsync(_page))!.VolumeCount);
        await Expect(_page.GetByTestId("candle-count")).ToHaveTextAsync(after.Times.Length.ToString(CultureInfo.InvariantCulture));
        Assert.InRange(after.From, expectedFrom - 60_000, expectedFrom + 60_000);
    }

    [Fact]
    public async Task Keyboard_zooms_and_pans_and_ignores_keys_typed_into_pickers()
    {
        await _page.GotoAsync("/chart/BTCUSDT/5m?tz=UTC&scale=linear");
        var start = await ViewProbe.WaitViewAsync(_page);

        await _page.Keyboard.PressAsync("-");
        await ViewProbe.WaitUntilAsync(_page, $"(el, a) => {{ const r = {ViewProbe.RangeJs}; return r[1] - r[0] > a * 1.2; }}", start.Span);
        var wider = await ViewProbe.ReadAsync(_page);
        Assert.Equal(start.Span * 1.25, wider.Span, 0);

        await _page.Keyboard.PressAsync("ArrowRight");
        await ViewProbe.WaitUntilAsync(_page, $"(el, a) => {{ const r = {ViewProbe.RangeJs}; return r[0] > a; }}", wider.From);

        // Typing in the time zone box moves nothing.
        await _page.GetByTestId("settings-toggle").ClickAsync();
        var zone = _page.Locator("#zone-select");
        await zone.ClickAsync();
        var beforeTyping = await ViewProbe.ReadAsync(_page);
        await zone.PressAsync("End");
        await zone.PressAsync("ArrowLeft");
        await _page.Keyboard.PressAsync("Escape");
        var afterTyping = await ViewProbe.ReadAsync(_page);
        Assert.Equal(beforeTyping.From, afterTyping.From, 0);
    }

    // The price axis hugs the candles in view: it holds them all, with a margin of at most ~10 % a side.
    private static void AssertFits(ChartView view)
    {
        Assert.Equal("linear", view.YType);
        Assert.True(view.YLow <= view.VisibleLow && view.YHigh >= view.VisibleHigh,
            $"price axis [{view.YLow}, {view.YHigh}] must hold the visible candles [{view.VisibleLow}, {view.VisibleHigh}]");
        var span = view.VisibleHigh - view.VisibleLow;
        Assert.True(view.VisibleLow - view.YLow <= (span * 0.1) + 1e-6 && view.YHigh - view.VisibleHigh <= (span * 0.1) + 1e-6,
            $"price axis [{view.YLow}, {view.YHigh}] leaves too much room around [{view.VisibleLow}, {view.VisibleHigh}]");
    }
}
