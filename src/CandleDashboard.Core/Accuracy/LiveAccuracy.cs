using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Accuracy;

/// <summary>
/// How well one series' live candles matched the exchange over its last <see cref="Window"/>
/// replaced candles ("live = official on 98 of the last 100; largest close difference 0.01"),
/// plus running totals since the server started (for the metrics, which must only grow).
/// </summary>
/// <param name="Window">How many replaced candles the summary covers at most (N).</param>
/// <param name="Compared">Replaced candles in the window (at most <see cref="Window"/>).</param>
/// <param name="Matched">Of those, how many matched the official kline on every field.</param>
/// <param name="LargestCloseDifference">Largest |official − live| close in the window; 0 when nothing was compared.</param>
/// <param name="LargestCloseDifferenceAt">Open time of the candle with that difference (the newest such), or null when every close matched.</param>
/// <param name="LargestVolumeDifference">Largest |official − live| volume in the window.</param>
/// <param name="LargestTradeCountDifference">Largest |official − live| trade count in the window.</param>
/// <param name="Latest">The newest replaced candle's delta, or null before the first.</param>
/// <param name="ComparedSinceStart">Every live candle compared since the server started (never decreases).</param>
/// <param name="MatchedSinceStart">Of those, how many matched.</param>
public sealed record LiveAccuracy(
    Series Series,
    int Window,
    int Compared,
    int Matched,
    decimal LargestCloseDifference,
    long? LargestCloseDifferenceAt,
    decimal LargestVolumeDifference,
    long LargestTradeCountDifference,
    LiveDelta? Latest,
    long ComparedSinceStart,
    long MatchedSinceStart)
{
    public int Differing => Compared - Matched;

    public long DifferingSinceStart => ComparedSinceStart - MatchedSinceStart;

    /// <summary>A summary of <paramref name="deltas"/> (the window's, any order).</summary>
    public static LiveAccuracy Of(Series series, int window, IReadOnlyCollection<LiveDelta> deltas, long comparedSinceStart, long matchedSinceStart)
    {
        var largestClose = 0m;
        long? largestCloseAt = null;
        var largestVolume = 0m;
        var largestTrades = 0L;
        LiveDelta? latest = null;
        var matched = 0;
        foreach (var delta in deltas)
        {
            matched += delta.Matched ? 1 : 0;
            var close = Math.Abs(delta.Close);
            if (close > largestClose || (close == largestClose && close > 0 && delta.OpenTime > largestCloseAt))
            {
                largestClose = close;
                largestCloseAt = delta.OpenTime;
            }

            largestVolume = Math.Max(largestVolume, Math.Abs(delta.Volume));
            largestTrades = Math.Max(largestTrades, Math.Abs(delta.TradeCount));
            if (latest is null || delta.OpenTime > latest.Value.OpenTime)
            {
                latest = delta;
            }
        }

        return new LiveAccuracy(
            series,
            window,
            deltas.Count,
            matched,
            largestClose,
            largestCloseAt,
            largestVolume,
            largestTrades,
            latest,
            comparedSinceStart,
            matchedSinceStart);
    }
}
