using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.History;

/// <summary>
/// How far stored history lags behind the clock. The forming bucket is not counted as missing:
/// a series stored up to the last closed candle has no gap.
/// </summary>
/// <param name="LatestStoredOpenTime">Open time of the newest stored (official) candle, or null when none is stored.</param>
/// <param name="Now">The clock when this was computed, UTC epoch ms.</param>
/// <param name="IntervalMilliseconds">Length of one candle.</param>
/// <param name="MissingCandles">Closed candles after the latest stored one that the store does not have yet.</param>
public sealed record HistoryGap(long? LatestStoredOpenTime, long Now, long IntervalMilliseconds, long MissingCandles)
{
    public bool HasGap => MissingCandles > 0;

    public static HistoryGap Of(long? latestStoredOpenTime, Interval interval, long now)
    {
        var lastClosedOpenTime = interval.Floor(now) - interval.Milliseconds;
        var missing = latestStoredOpenTime is { } latest
            ? Math.Max(0, (lastClosedOpenTime - latest) / interval.Milliseconds)
            : 0;
        return new HistoryGap(latestStoredOpenTime, now, interval.Milliseconds, missing);
    }
}
