using CandleDashboard.Components.Tests.Infrastructure;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Chart;

namespace CandleDashboard.Components.Tests.Chart;

/// <summary>
/// The hot path: a live update of the forming candle becomes one small call carrying just that
/// candle. Resending the series on every update is what the chart's own module exists to avoid.
/// </summary>
public sealed class CandleChartLiveUpdateTests : CandleChartTest
{
    [Fact]
    public void A_forming_candle_update_is_one_apply_update_call_carrying_only_that_candle()
    {
        var cut = RenderReadyChart();

        Live.Push(new CandleUpdate(Symbol, Interval, TestCandles.Forming(FormingOpenTime, 107.25m)));

        WaitForCalls(() => Assert.Single(Calls(Hot, "applyUpdate")));
        var call = Calls(Hot, "applyUpdate")[0];
        Assert.Equal(3, call.Arguments.Count);
        Assert.Equal(cut.Instance.PlotId, call.Arguments[0]);
        Assert.Null(call.Arguments[2]); // no indicators on this chart: nothing rides with the candle
        var candle = Assert.IsType<ChartCandle>(call.Arguments[1]);
        Assert.Equal(FormingOpenTime, candle.T);
        Assert.Equal(107.25m, candle.C);
        Assert.False(candle.Official);

        // The series was drawn once, by the load; the update did not redraw it.
        Assert.Empty(Sent("react"));
        Assert.Single(Sent("newPlot"));
        Assert.Equal("6", cut.Find("[data-testid=candle-count]").TextContent); // a new candle: the count moved
        Assert.Empty(Log.Entries); // the hot path reports failures only to the log
    }

    [Fact]
    public void Each_change_of_the_forming_candle_is_its_own_small_call_and_a_repeat_is_none()
    {
        var cut = RenderReadyChart();

        // One at a time, as the feed sends them (≥ 100 ms apart): pushed back to back, two
        // changes of one candle may rightly coalesce into one call (PendingCandles).
        Live.Push(new CandleUpdate(Symbol, Interval, TestCandles.Forming(FormingOpenTime, 107m)));
        WaitForCalls(() => Assert.Single(Calls(Hot, "applyUpdate")));
        cut.WaitForAssertion(() => Assert.Equal("6", cut.Find("[data-testid=candle-count]").TextContent));
        var renders = cut.RenderCount;
        Live.Push(new CandleUpdate(Symbol, Interval, TestCandles.Forming(FormingOpenTime, 108m)));
        WaitForCalls(() => Assert.Equal(2, Calls(Hot, "applyUpdate").Count));

        Live.Push(new CandleUpdate(Symbol, Interval, TestCandles.Forming(FormingOpenTime, 108m))); // nothing changed
        Live.Push(new CandleUpdate(Symbol, Interval, TestCandles.Forming(FormingOpenTime, 109m)));

        // The repeat was no call: the next change is the third.
        WaitForCalls(() => Assert.Equal(3, Calls(Hot, "applyUpdate").Count));
        Assert.Equal([107m, 108m, 109m], Calls(Hot, "applyUpdate").Select(c => ((ChartCandle)c.Arguments[1]!).C));
        // A tick of the forming candle is drawn by the chart module alone (its readout too): no render here.
        Assert.Equal(renders, cut.RenderCount);
        Assert.All(Calls(Hot, "applyUpdate"), c => Assert.Equal(FormingOpenTime, ((ChartCandle)c.Arguments[1]!).T));
        Assert.Empty(Sent("react"));
        Assert.Single(Sent("newPlot"));
    }

    [Fact]
    public void An_update_older_than_the_drawn_series_is_not_sent()
    {
        var cut = RenderReadyChart();
        Live.Push(new CandleUpdate(Symbol, Interval, TestCandles.Forming(FormingOpenTime, 107m)));
        WaitForCalls(() => Assert.Single(Calls(Hot, "applyUpdate")));

        // A late update of a candle before the last drawn one would draw history out of order.
        Live.Push(new CandleUpdate(Symbol, Interval, TestCandles.LiveClosed(FormingOpenTime - 3 * Interval.Milliseconds, 90m)));
        Live.Push(new CandleUpdate(Symbol, Interval, TestCandles.Forming(FormingOpenTime, 107.5m)));

        WaitForCalls(() => Assert.Equal(2, Calls(Hot, "applyUpdate").Count));
        Assert.Equal([FormingOpenTime, FormingOpenTime], Calls(Hot, "applyUpdate").Select(c => ((ChartCandle)c.Arguments[1]!).T));
    }
}
