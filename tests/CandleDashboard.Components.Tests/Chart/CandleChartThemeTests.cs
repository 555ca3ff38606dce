using CandleDashboard.Web.Components.Layout;

namespace CandleDashboard.Components.Tests.Chart;

/// <summary>
/// Switching light/dark recolours the chart's frame with one layout patch (plotly attribute paths
/// only): the data and the user's zoom stay as they are, so the series is not redrawn.
/// </summary>
public sealed class CandleChartThemeTests : CandleChartTest
{
    [Fact]
    public void Switching_to_light_patches_the_layout_with_the_light_colours_without_redrawing()
    {
        var cut = RenderReadyChart();
        var light = DashboardTheme.ChartColorsFor(dark: false);

        Theme.Set(false);

        // Plotly.update with no trace changes: plotly relayouts, exactly as Plotly.relayout would.
        cut.WaitForAssertion(() => Assert.Single(Sent("update")));
        var update = Sent("update")[0];
        Assert.Equal(cut.Instance.PlotId, update[0].GetString());
        Assert.Empty(update[1].EnumerateObject()); // no trace touched
        var patch = update[2];
        Assert.Equal("#ffffff", patch.GetProperty("paper_bgcolor").GetString());
        Assert.Equal(light.Background, patch.GetProperty("plot_bgcolor").GetString());
        Assert.Equal(light.Text, patch.GetProperty("font.color").GetString());
        Assert.Equal(light.Grid, patch.GetProperty("xaxis.gridcolor").GetString());
        Assert.Equal(light.Grid, patch.GetProperty("yaxis2.gridcolor").GetString());

        // Attribute paths only: a whole "xaxis" object would replace the axis and reset the zoom.
        Assert.DoesNotContain(patch.EnumerateObject(), p => p.Value.ValueKind == System.Text.Json.JsonValueKind.Object);
        Assert.Empty(Sent("react"));
        Assert.Single(Sent("newPlot"));
        Assert.Empty(Sent("relayout"));
        Assert.Empty(Log.Entries); // the recolouring reports failures only to the log
    }

    [Fact]
    public void Switching_back_to_dark_patches_the_dark_colours()
    {
        var cut = RenderReadyChart();

        Theme.Set(false);
        Theme.Set(true);

        cut.WaitForAssertion(() => Assert.Equal(2, Sent("update").Count));
        Assert.Equal(
            ["#ffffff", DashboardTheme.ChartColorsFor(dark: true).Background],
            Sent("update").Select(u => u[2].GetProperty("paper_bgcolor").GetString()));
        Assert.Empty(Sent("react"));
        Assert.Empty(Log.Entries);
    }
}
