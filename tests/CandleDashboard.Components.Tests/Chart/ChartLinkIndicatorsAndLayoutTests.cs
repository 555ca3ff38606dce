using CandleDashboard.Core.Market;
using CandleDashboard.Web.Chart;

namespace CandleDashboard.Components.Tests.Chart;

/// <summary>The link values of indicators (?ind=) and layouts (?layout=&amp;c2=…): what they read, refuse and write back.</summary>
public sealed class ChartLinkIndicatorsAndLayoutTests
{
    private static readonly SeriesCatalog Catalog = new(["BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT"], [Interval.FifteenSeconds, Interval.OneMinute, Interval.FiveMinutes, Interval.OneHour, Interval.OneDay]);
    private static readonly Series First = new("BTCUSDT", Interval.OneMinute);

    [Fact]
    public void Indicators_read_in_canonical_form_without_duplicates_and_write_back_the_same()
    {
        var parsed = ChartIndicators.Parse(" EMA(period=21) ; rsi ;ema(21);bollinger(20, 2.5)");

        Assert.Equal(["ema(21)", "rsi(14)", "bollinger(20,2.5)"], parsed.Specs.Select(s => s.Text));
        Assert.Empty(parsed.Problems);
        Assert.Equal("ema(21);rsi(14);bollinger(20,2.5)", parsed.Text);
        Assert.Equal(parsed.Specs, ChartIndicators.Parse(parsed.Text).Specs);
    }

    [Fact]
    public void A_bad_indicator_is_named_and_dropped_and_more_than_the_maximum_are_refused()
    {
        var parsed = ChartIndicators.Parse("ema(0);sma(5);<script>;wma(1);wma(2);wma(3);wma(4);wma(5);wma(6)");

        Assert.Equal(["sma(5)", "wma(1)", "wma(2)", "wma(3)", "wma(4)", "wma(5)"], parsed.Specs.Select(s => s.Text));
        Assert.Equal(3, parsed.Problems.Count);
        Assert.Contains("Parameter 'period' of ema must be a whole number from 1 to 1000; 0 is out of range.", parsed.Problems[0]);
        Assert.DoesNotContain("<script>", parsed.Problems[1]); // echoed masked, never as markup
        Assert.Equal($"At most {ChartIndicators.Max} indicators are shown; 'wma(6)' is not.", parsed.Problems[2]);
    }

    [Theory]
    [InlineData("rsi", "own")]
    [InlineData("macd", "own")]
    [InlineData("atr", "own")]
    [InlineData("volume_sma", "volume")]
    [InlineData("bollinger", "price")]
    [InlineData("vwap", "price")]
    public void Oscillators_get_a_pane_of_their_own_and_the_volume_average_the_volume_axis(string name, string pane)
    {
        Assert.True(Core.Indicators.IndicatorKind.TryFind(name, out var kind));
        Assert.Equal(pane, ChartIndicators.PaneOf(kind));
    }

    [Fact]
    public void A_2x2_layout_reads_every_chart_and_writes_the_same_link()
    {
        var layout = ChartLayout.Parse("4", ["ethusdt/5m/ema(21)", "SOLUSDT/1h", "BNBUSDT/1d/rsi;sma(10)"], "1", First, Catalog);

        Assert.Equal((ChartLayoutKind.Grid, 4, true), (layout.Kind, layout.ChartCount, layout.LinkCrosshairs));
        Assert.Equal(["ETHUSDT/5m/ema(21)", "SOLUSDT/1h", "BNBUSDT/1d/rsi(14);sma(10)"], layout.Slots.Select(s => s.Text));
        Assert.Empty(layout.Problems);
        Assert.Equal(
            new Dictionary<string, string?> { ["layout"] = "4", ["link"] = "1", ["c2"] = "ETHUSDT/5m/ema(21)", ["c3"] = "SOLUSDT/1h", ["c4"] = "BNBUSDT/1d/rsi(14);sma(10)" },
            layout.QueryParameters());
    }

    [Fact]
    public void A_bad_chart_is_named_and_replaced_by_the_default_and_an_unknown_layout_shows_one_chart()
    {
        var layout = ChartLayout.Parse("2h", ["DOGEUSDT/1m"], null, First, Catalog);
        Assert.Equal("BTCUSDT/5m", Assert.Single(layout.Slots).Text); // the same market one interval up
        Assert.Contains("Chart 2: Unknown symbol 'DOGEUSDT'.", Assert.Single(layout.Problems));

        var unknown = ChartLayout.Parse("9", [], null, First, Catalog);
        Assert.Equal((ChartLayoutKind.Single, 0), (unknown.Kind, unknown.Slots.Count));
        Assert.Equal("Unknown layout '9': showing one chart. Choose 1, 2h (side by side), 2v (stacked) or 4.", Assert.Single(unknown.Problems));
    }

    [Fact]
    public void Changing_the_layout_keeps_the_charts_it_still_shows_and_one_chart_clears_the_others_parameters()
    {
        var grid = ChartLayout.Parse("4", ["ETHUSDT/5m", "SOLUSDT/1h", "BNBUSDT/1d"], null, First, Catalog);

        var two = grid.As(ChartLayoutKind.Stacked, First, Catalog);
        Assert.Equal(["ETHUSDT/5m"], two.Slots.Select(s => s.Text));
        var back = two.As(ChartLayoutKind.Grid, First, Catalog);
        Assert.Equal(["ETHUSDT/5m", "BTCUSDT/1h", "BTCUSDT/1d"], back.Slots.Select(s => s.Text));

        var one = grid.As(ChartLayoutKind.Single, First, Catalog).QueryParameters();
        Assert.All(one, p => Assert.Null(p.Value));
    }
}
