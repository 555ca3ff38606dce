using CandleDashboard.Web.Chart;

namespace CandleDashboard.Web.Tests.Unit;

public sealed class ChartSeriesTests
{
    [Fact]
    public void Load_takes_count_first_and_last()
    {
        var series = new ChartSeries(maxCandles: 1000);
        series.Load(TestCandles.Series(300));

        Assert.Equal(300, series.Count);
        Assert.Equal(0, series.FirstOpenTime);
        Assert.Equal(299 * 60_000, series.Last!.Value.OpenTime);
        Assert.Equal(TestCandles.Series(300)[298].Close, series.PreviousClose);
    }

    [Fact]
    public void Same_open_time_replaces_the_last_candle()
    {
        var series = new ChartSeries(1000);
        series.Load(TestCandles.Series(3));

        var change = series.Apply(TestCandles.At(120_000, close: 250m));

        Assert.Equal(ChartChange.ReplacedLast, change);
        Assert.Equal(3, series.Count);
        Assert.Equal(250m, series.Last!.Value.Close);
    }

    [Fact]
    public void Newer_open_time_appends()
    {
        var series = new ChartSeries(1000);
        series.Load(TestCandles.Series(3));

        var closing = series.Last!.Value;

        Assert.Equal(ChartChange.Appended, series.Apply(TestCandles.At(180_000)));
        Assert.Equal(4, series.Count);
        Assert.Equal(180_000, series.Last!.Value.OpenTime);
        Assert.Equal(closing.Close, series.PreviousClose);
    }

    [Fact]
    public void The_browsers_window_after_scroll_back_replaces_count_and_first_and_can_detach()
    {
        var series = new ChartSeries(maxCandles: 5000);
        series.Load(TestCandles.Series(300));

        series.WindowChanged(count: 5000, firstOpenTime: -4700 * 60_000L, detached: true);

        Assert.Equal(5000, series.Count);
        Assert.Equal(-4700 * 60_000L, series.FirstOpenTime);
        Assert.True(series.Detached);
        Assert.Equal(ChartChange.Appended, series.Apply(TestCandles.At(300 * 60_000))); // the readout still follows the market

        series.Load(TestCandles.Series(300)); // back to live: a fresh load attaches again
        Assert.False(series.Detached);
    }

    [Fact]
    public void Older_or_identical_updates_are_ignored()
    {
        var series = new ChartSeries(1000);
        series.Load(TestCandles.Series(3));
        var last = series.Last!.Value;

        Assert.Equal(ChartChange.Ignored, series.Apply(TestCandles.At(60_000, close: 1m)));
        Assert.Equal(ChartChange.Ignored, series.Apply(last));
        Assert.Equal(last, series.Last);
        Assert.Equal(3, series.Count);
    }

    [Fact]
    public void Count_is_capped_like_the_browser_window()
    {
        var series = new ChartSeries(maxCandles: 5);
        series.Load(TestCandles.Series(8));
        Assert.Equal(5, series.Count);
        Assert.Equal(3 * 60_000, series.FirstOpenTime);

        series.Apply(TestCandles.At(8 * 60_000));
        Assert.Equal(5, series.Count);
    }

    [Fact]
    public void An_empty_history_starts_with_the_first_live_candle()
    {
        var series = new ChartSeries(1000);
        series.Load([]);

        Assert.Null(series.Last);
        Assert.Equal(ChartChange.Appended, series.Apply(TestCandles.At(60_000)));
        Assert.Equal(1, series.Count);
        Assert.Equal(60_000, series.FirstOpenTime);
    }
}
