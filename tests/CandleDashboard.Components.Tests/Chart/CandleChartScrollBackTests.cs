using CandleDashboard.Components.Tests.Infrastructure;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Chart;

namespace CandleDashboard.Components.Tests.Chart;

/// <summary>
/// The calls candleChart.js makes into the component when the trader scrolls back: pages from the
/// history service, the window the browser holds, and what a browser may not ask for.
/// </summary>
public sealed class CandleChartScrollBackTests : CandleChartTest
{
    [Fact]
    public async Task An_older_page_comes_from_the_history_service_before_the_oldest_drawn_candle()
    {
        var cut = RenderReadyChart();
        var oldest = History.Candles[0].OpenTime;
        History.Candles = [.. Enumerable.Range(1, 3).Select(i => TestCandles.Official(oldest - ((4 - i) * Interval.Milliseconds), 90m + i)), .. History.Candles];

        var page = await cut.InvokeAsync(() => cut.Instance.LoadOlder(oldest));

        var load = Assert.Single(History.PageLoads);
        Assert.Equal((Symbol, Interval, oldest, CandleChart.PageCandles), load);
        Assert.Equal([oldest - 180_000, oldest - 120_000, oldest - 60_000], page.Candles.Select(c => c.T));
        Assert.All(page.Candles, c => Assert.True(c.Official));
        Assert.False(page.ReachedLive);
    }

    [Fact]
    public async Task A_browser_asking_for_nonsense_gets_an_empty_page_and_no_history_request()
    {
        var cut = RenderReadyChart();
        var count = cut.Find("[data-testid=candle-count]").TextContent;

        var older = await cut.InvokeAsync(() => cut.Instance.LoadOlder(-5));
        var newer = await cut.InvokeAsync(() => cut.Instance.LoadNewer(0));
        await cut.InvokeAsync(() => cut.Instance.WindowChanged(count: 1_000_000, firstOpenTime: 0, lastOpenTime: 1, detached: true));

        Assert.Empty(older.Candles);
        Assert.Empty(newer.Candles);
        Assert.Empty(History.PageLoads);
        Assert.Equal(count, cut.Find("[data-testid=candle-count]").TextContent); // the impossible window was ignored
    }

    [Fact]
    public async Task Newer_pages_within_a_page_of_the_live_edge_are_the_live_series_itself()
    {
        var cut = RenderReadyChart();

        var page = await cut.InvokeAsync(() => cut.Instance.LoadNewer(FormingOpenTime - (10 * Interval.Milliseconds)));

        Assert.True(page.ReachedLive);
        Assert.Empty(History.PageLoads);
    }

    [Fact]
    public async Task A_detached_browser_gets_no_live_updates_while_the_readout_still_follows_the_market()
    {
        var cut = RenderReadyChart();
        await cut.InvokeAsync(() => cut.Instance.WindowChanged(5000, FormingOpenTime - (6000 * Interval.Milliseconds), FormingOpenTime - (1001 * Interval.Milliseconds), detached: true));
        cut.WaitForAssertion(() => Assert.Equal("5000", cut.Find("[data-testid=candle-count]").TextContent));

        Live.Push(new CandleUpdate(Symbol, Interval, TestCandles.Forming(FormingOpenTime, 107.5m)));

        // Only the readout shows it (the browser holds the past, not the newest candles): one small call.
        WaitForCalls(() => Assert.Single(Calls(Hot, "showForming")));
        var shown = Assert.IsType<ChartCandle>(Calls(Hot, "showForming")[0].Arguments[1]);
        Assert.Equal((FormingOpenTime, 107.5m), (shown.T, shown.C));
        Assert.Equal(History.Candles[^1].Close, Calls(Hot, "showForming")[0].Arguments[2]);
        Assert.Empty(Calls(Hot, "applyUpdate"));
    }
}
