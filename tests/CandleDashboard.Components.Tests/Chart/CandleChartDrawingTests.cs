using CandleDashboard.Web.Chart;

namespace CandleDashboard.Components.Tests.Chart;

/// <summary>
/// The first draw: once history is loaded, the whole series goes to the browser exactly once,
/// through Plotly.Blazor (its plot component renders with the series, so its first draw is the
/// chart), and the chart reports ready only after the browser shows that series.
/// </summary>
public sealed class CandleChartDrawingTests : CandleChartTest
{
    [Fact]
    public void Draws_the_loaded_series_once_through_the_library()
    {
        var cut = RenderReadyChart();

        var newPlot = Assert.Single(Sent("newPlot"));
        Assert.Equal(cut.Instance.PlotId, newPlot[0].GetString());
        var traces = newPlot[1].EnumerateArray().ToArray();
        Assert.Equal(3, traces.Length);

        // Trace 0: every candle's time; prices only where the candle is live-built (the last two).
        var live = traces[ChartFigure.LiveTrace];
        Assert.Equal("BTCUSDT", live.GetProperty("name").GetString());
        Assert.Equal(HistoryCandles, live.GetProperty("x").GetArrayLength());
        Assert.Equal(History.Candles.Select(c => c.OpenTime), live.GetProperty("customdata").EnumerateArray().Select(t => t.GetInt64()));
        Assert.Equal([null, null, null, 104m, 105m], live.GetProperty("close").EnumerateArray().Select(DecimalOrNull));
        Assert.Equal(["official", "official", "official", "live", "live"], live.GetProperty("text").EnumerateArray().Select(t => t.GetString()));

        // Trace 1 is volume, trace 2 the official candles' prices.
        Assert.Equal(HistoryCandles, traces[ChartFigure.VolumeTrace].GetProperty("y").GetArrayLength());
        Assert.Equal([101m, 102m, 103m, null, null], traces[ChartFigure.OfficialTrace].GetProperty("close").EnumerateArray().Select(DecimalOrNull));
    }

    [Fact]
    public void No_empty_plot_is_drawn_and_redrawn()
    {
        RenderReadyChart();

        // The plot component appears with the first series: one draw, no empty frame before it.
        Assert.Equal(HistoryCandles, Assert.Single(Sent("newPlot"))[1][0].GetProperty("x").GetArrayLength());
        Assert.Empty(Sent("react"));
    }

    [Fact]
    public void Formats_prices_with_the_decimals_of_the_symbols_tick_size()
    {
        RenderReadyChart();

        var layout = Assert.Single(Sent("newPlot"))[2];
        Assert.Equal(",.2f", layout.GetProperty("yaxis").GetProperty("tickformat").GetString()); // tick size 0.01
        Assert.Equal("105.00", layout.GetProperty("annotations")[0].GetProperty("text").GetString()); // last price label
    }

    [Fact]
    public void Reports_ready_after_the_browser_shows_exactly_the_drawn_series()
    {
        var cut = RenderReadyChart();

        // The chart asks the browser to confirm the series it just sent, then shows ready and the readouts.
        var whenDrawn = Assert.Single(Calls(Hot, "whenDrawn"));
        Assert.Equal(cut.Instance.PlotId, whenDrawn.Arguments[0]);
        Assert.Equal(new DrawnSeries(Symbol, HistoryCandles, History.Candles[^1].OpenTime), whenDrawn.Arguments[1]);
        Assert.Equal("ready", StateOf(cut));
        Assert.Equal("5", cut.Find("[data-testid=candle-count]").TextContent);
        Assert.Equal(History.Candles[^1].OpenTime.ToString(System.Globalization.CultureInfo.InvariantCulture), cut.Find("[data-testid=last-open-time]").GetAttribute("data-ms"));
        Assert.Empty(cut.FindAll("[data-testid=chart-loading]"));
    }

    private static decimal? DecimalOrNull(System.Text.Json.JsonElement value) =>
        value.ValueKind == System.Text.Json.JsonValueKind.Null ? null : value.GetDecimal();
}
