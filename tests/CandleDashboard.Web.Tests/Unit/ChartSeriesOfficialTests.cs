using CandleDashboard.Core.Market;
using CandleDashboard.Web.Chart;

namespace CandleDashboard.Web.Tests.Unit;

/// <summary>Which official candles may replace drawn ones (data_updated), and what a replacement does to the live path.</summary>
public sealed class ChartSeriesOfficialTests
{
    private const long Minute = 60_000;

    // Candles 0..4 drawn (closed, live-built), plus the forming bucket 5.
    private static ChartSeries Drawn()
    {
        var series = new ChartSeries(1000);
        series.Load([.. TestCandles.Series(5), TestCandles.At(5 * Minute, close: 120m)]);
        return series;
    }

    [Fact]
    public void Closed_official_candles_inside_the_drawn_range_are_accepted_in_order()
    {
        var series = Drawn();

        var accepted = series.AcceptOfficial([TestCandles.Official(2 * Minute), TestCandles.Official(3 * Minute), TestCandles.Official(4 * Minute)], formingOpenTime: 5 * Minute);

        Assert.Equal([2 * Minute, 3 * Minute, 4 * Minute], accepted.Select(c => c.OpenTime));
        Assert.Equal(5 * Minute, series.Last!.Value.OpenTime);
        Assert.Equal(120m, series.Last!.Value.Close); // the forming candle is untouched
    }

    [Fact]
    public void The_forming_bucket_is_never_replaced_even_by_a_closed_official_candle()
    {
        var series = Drawn();

        var accepted = series.AcceptOfficial([TestCandles.Official(5 * Minute, close: 90m)], formingOpenTime: 5 * Minute);

        Assert.Empty(accepted);
        Assert.Equal(120m, series.Last!.Value.Close);
        Assert.Equal(CandleSource.Live, series.Last!.Value.Source);
    }

    [Fact]
    public void Official_candles_that_are_still_open_or_live_built_are_not_accepted()
    {
        var series = Drawn();
        var forming = TestCandles.At(3 * Minute) with { Source = CandleSource.Official }; // exchange's open kline
        var live = TestCandles.At(2 * Minute, closed: true);

        Assert.Empty(series.AcceptOfficial([forming, live], formingOpenTime: 5 * Minute));
    }

    [Fact]
    public void Candles_outside_the_drawn_range_are_ignored_never_appended()
    {
        var series = new ChartSeries(1000);
        series.Load(TestCandles.Series(5, start: 10 * Minute));

        var accepted = series.AcceptOfficial([TestCandles.Official(9 * Minute), TestCandles.Official(12 * Minute), TestCandles.Official(15 * Minute)], formingOpenTime: 20 * Minute);

        Assert.Equal([12 * Minute], accepted.Select(c => c.OpenTime));
        Assert.Equal(5, series.Count);
        Assert.Equal(14 * Minute, series.Last!.Value.OpenTime);
    }

    [Fact]
    public void A_drawn_last_candle_whose_bucket_ended_becomes_official_and_late_live_updates_cannot_undo_it()
    {
        // Bucket 5 has ended on the clock (6 is forming) but its next candle is not drawn yet.
        var series = Drawn();
        var official = TestCandles.Official(5 * Minute, close: 118m);

        var accepted = series.AcceptOfficial([official], formingOpenTime: 6 * Minute);

        Assert.Equal([official], accepted);
        Assert.Equal(official, series.Last);
        // The live closing update of bucket 5 was still in flight: official is final.
        Assert.Equal(ChartChange.Ignored, series.Apply(TestCandles.At(5 * Minute, close: 121m, closed: true)));
        Assert.Equal(118m, series.Last!.Value.Close);
        // The next bucket still appends as usual.
        Assert.Equal(ChartChange.Appended, series.Apply(TestCandles.At(6 * Minute)));
    }

    [Fact]
    public void An_official_candle_already_drawn_as_the_last_one_is_not_sent_again()
    {
        var series = new ChartSeries(1000);
        var official = TestCandles.Official(0);
        series.Load([official]);

        Assert.Empty(series.AcceptOfficial([official], formingOpenTime: Minute));
        var corrected = official with { Close = 101m, High = 101m };
        Assert.Equal([corrected], series.AcceptOfficial([corrected], formingOpenTime: Minute));
    }

    [Fact]
    public void Official_candles_older_than_the_first_drawn_one_are_not_the_charts()
    {
        var series = Drawn();
        series.WindowChanged(series.Count, firstOpenTime: Minute, detached: false);

        var accepted = series.AcceptOfficial([TestCandles.Official(0), TestCandles.Official(Minute)], formingOpenTime: 5 * Minute);

        Assert.Equal([Minute], accepted.Select(c => c.OpenTime));
    }

    [Fact]
    public void An_empty_chart_accepts_nothing()
    {
        var series = new ChartSeries(1000);
        series.Load([]);

        Assert.Empty(series.AcceptOfficial([TestCandles.Official(0)], formingOpenTime: Minute));
    }

    [Fact]
    public void Candles_the_browser_inserted_into_holes_count_within_the_cap()
    {
        var series = new ChartSeries(maxCandles: 7);
        series.Load(TestCandles.Series(5));

        series.RecordInserted(1);
        Assert.Equal(6, series.Count);
        series.RecordInserted(3);
        Assert.Equal(7, series.Count);
    }
}
