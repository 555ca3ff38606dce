using CandleDashboard.Components.Tests.Infrastructure;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Web.Chart;

namespace CandleDashboard.Components.Tests.Chart;

/// <summary>
/// Closing the chart (page left, circuit ended) or switching its series ends the old series
/// completely: the browser module forgets the plot and no handler stays subscribed — a leaked
/// handler keeps a closed chart's component alive and keeps sending updates to it.
/// </summary>
public sealed class CandleChartDisposalTests : CandleChartTest
{
    [Fact]
    public async Task Disposing_forgets_the_plot_and_leaves_no_subscription_behind()
    {
        var cut = RenderReadyChart();
        var plotId = cut.Instance.PlotId;
        Assert.Equal(1, Live.SubscriptionCount);
        var forgetsBefore = Calls(Hot, "forget").Count;

        await DisposeComponentsAsync();

        Assert.Equal(forgetsBefore + 1, Calls(Hot, "forget").Count);
        Assert.Equal(plotId, Calls(Hot, "forget")[^1].Arguments[0]);
        Assert.Equal(0, Live.SubscriptionCount);
        Assert.Equal(Live.Subscribed, Live.Released);
    }

    [Fact]
    public async Task After_disposal_neither_live_updates_nor_data_updated_reach_the_chart()
    {
        RenderReadyChart();
        await DisposeComponentsAsync();

        Live.Push(new CandleUpdate(Symbol, Interval, TestCandles.Forming(FormingOpenTime, 107m)));
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var probe = Bus.Subscribe(_ => delivered.TrySetResult());
        await Bus.PublishAsync(new DataUpdated("test", Symbol, "1m", FormingOpenTime - 120_000, FormingOpenTime - 60_000, 2), CancellationToken.None);
        await delivered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(Calls(Hot, "applyUpdate"));
        Assert.Empty(History.RangeReads);
    }

    [Fact]
    public void Switching_the_symbol_releases_the_old_series_and_draws_the_new_one()
    {
        var cut = RenderReadyChart();
        var plotId = cut.Instance.PlotId;

        cut.Render(p => p.Add(c => c.Symbol, "ETHUSDT"));

        cut.WaitForAssertion(() => Assert.Single(Sent("react"))); // the first series was the plot's first draw
        cut.WaitForAssertion(() => Assert.Equal("ready", StateOf(cut)));
        Assert.Equal("ETHUSDT", Sent("react")[0][1][ChartFigure.LiveTrace].GetProperty("name").GetString());
        Assert.Equal(1, Calls(Hot, "forget").Count(c => Equals(c.Arguments[0], plotId))); // before redrawing a drawn plot
        Assert.Equal(1, Live.SubscriptionCount);
        Assert.Equal(1, Live.Released);

        // An update of the old series no longer reaches the plot.
        Live.Push(new CandleUpdate(Symbol, Interval, TestCandles.Forming(FormingOpenTime, 107m)));
        Assert.Empty(Calls(Hot, "applyUpdate"));
    }
}
