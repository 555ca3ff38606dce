using CandleDashboard.Components.Tests.Infrastructure;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Chart;

namespace CandleDashboard.Components.Tests.Chart;

/// <summary>
/// A browser that stops answering (a frozen tab, a dead network) must not hold up the live feed,
/// whose thread serves every chart and the hub, nor make its circuit queue grow without end.
/// </summary>
public sealed class CandleChartStalledBrowserTests : CandleChartTest
{
    private const int Updates = 1_000;

    [Fact]
    public async Task A_stalled_browser_never_blocks_the_feed_and_its_queue_keeps_only_the_newest_candles()
    {
        var cut = RenderReadyChart();
        var stalled = Hot.Setup<bool>("applyUpdate", _ => true); // no answer until the test says so

        // The first update's call hangs in the browser; then the feed goes on with 999 more.
        Live.Push(Update(0));
        // Polled, not WaitForAssertion: that re-checks on renders, and a hanging call renders nothing.
        Assert.True(SpinWait.SpinUntil(() => Calls(Hot, "applyUpdate").Count == 1, TimeSpan.FromSeconds(10)), "the first update reaches the browser");
        var feed = Task.Run(() =>
        {
            for (var i = 1; i < Updates; i++)
            {
                Live.Push(Update(i));
            }
        });
        await feed.WaitAsync(TimeSpan.FromSeconds(10)); // returns: no push waited for the browser
        Assert.Single(Calls(Hot, "applyUpdate"));

        // The browser answers again: the chart catches up with what the bounded queue kept.
        Hot.Setup<bool>("applyUpdate", _ => true).SetResult(true);
        stalled.SetResult(true);

        var lastOpenTime = FormingOpenTime + (Updates - 1) * Interval.Milliseconds;
        WaitForCalls(() => Assert.Equal(lastOpenTime, ((ChartCandle)Calls(Hot, "applyUpdate")[^1].Arguments[1]!).T));
        var sent = Calls(Hot, "applyUpdate").Select(c => ((ChartCandle)c.Arguments[1]!).T).ToArray();
        Assert.Equal(1 + PendingCandles.MaxLive, sent.Length); // the first, then only the newest 64
        Assert.Equal(FormingOpenTime, sent[0]);
        Assert.Equal(
            Enumerable.Range(Updates - PendingCandles.MaxLive, PendingCandles.MaxLive).Select(i => FormingOpenTime + i * Interval.Milliseconds),
            sent[1..]);
        Assert.Empty(Log.Entries);
    }

    private static CandleUpdate Update(int minute) =>
        new(Symbol, Interval, TestCandles.LiveClosed(FormingOpenTime + minute * Interval.Milliseconds, 100m + minute));
}
