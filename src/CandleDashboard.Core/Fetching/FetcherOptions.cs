using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Fetching;

public sealed class FetcherOptions
{
    public string Exchange { get; set; } = "binance";

    public IReadOnlyList<string> Symbols { get; set; } = [];

    /// <summary>
    /// Intervals committed as official. Those the exchange serves are fetched as they are; others
    /// (15s, 30s on Binance) are resampled from the exchange's finest interval that divides them.
    /// </summary>
    public IReadOnlyList<Interval> Intervals { get; set; } = Interval.Defaults;

    /// <summary>Candles fetched for a series the stores have never seen.</summary>
    public int InitialCandles { get; set; } = 1000;

    /// <summary>Longest gap backfilled in one run, in candles (30 days of 1m = 43,200).</summary>
    public int MaxBackfillCandles { get; set; } = 43_200;

    /// <summary>
    /// Wait after a bucket closes before fetching it: the exchange needs a moment to publish the
    /// final kline.
    /// </summary>
    public TimeSpan CloseGrace { get; set; } = TimeSpan.FromSeconds(2);
}
