using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Chart;

namespace CandleDashboard.Components.Tests.Chart;

public sealed class LiveDeltaTextTests
{
    [Fact]
    public void A_matching_candle_says_so()
    {
        Assert.Equal("live = official", LiveDeltaText.Describe(new LiveDelta(0, 0m, 0m, 0m, 0m, 0m, 0)));
    }

    [Fact]
    public void Differences_are_official_minus_live_exact_and_only_the_fields_that_differ()
    {
        // The recorded Kraken minute whose first trade the recording missed: open and low 0.2 lower live.
        var delta = new LiveDelta(0, -0.2m, 0m, -0.2m, 0m, 0.00009344m, 1);

        Assert.Equal("live differed: O −0.2, L −0.2, vol +0.00009344, trades +1", LiveDeltaText.Describe(delta));
    }

    [Fact]
    public void The_header_figure_counts_matches_and_names_the_largest_close_difference()
    {
        var series = new Series("BTCUSDT", Interval.OneMinute);
        Assert.Null(LiveDeltaText.Summary(null));
        Assert.Null(LiveDeltaText.Summary(new LiveAccuracy(series, 100, 0, 0, 0m, null, 0m, 0, null, 0, 0)));
        Assert.Equal("live = official on 1 of the last 1 candle", LiveDeltaText.Summary(new LiveAccuracy(series, 100, 1, 1, 0m, null, 0m, 0, null, 1, 1)));
        Assert.Equal(
            "live = official on 99 of the last 100 candles · largest close Δ 39.1",
            LiveDeltaText.Summary(new LiveAccuracy(series, 100, 100, 99, 39.1m, 5, 0.004m, 2, null, 410, 408)));
    }
}
