using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.History;

/// <summary>Joins stored history with the live forming candle.</summary>
public static class CandleMerge
{
    /// <summary>
    /// History (oldest first) with the live candle applied: a live candle newer than the last one
    /// is appended, one with the same open time replaces it, an older one is ignored (history
    /// already covers that bucket, and an official candle beats a live one).
    /// </summary>
    public static IReadOnlyList<Candle> WithLive(IReadOnlyList<Candle> history, Candle? live)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (live is not { } candle)
        {
            return history;
        }

        if (history.Count == 0 || candle.OpenTime > history[^1].OpenTime)
        {
            return [.. history, candle];
        }

        if (candle.OpenTime == history[^1].OpenTime)
        {
            // Same bucket: the live candle is fresher unless history already has the closed
            // official candle for it (then the live one adds nothing).
            if (history[^1] is { IsClosed: true } last && last.IsOfficial())
            {
                return history;
            }

            var merged = history.ToArray();
            merged[^1] = candle;
            return merged;
        }

        return history;
    }

    /// <summary>Applies several live candles (oldest first, e.g. the just-closed and the forming one) by the same rule.</summary>
    public static IReadOnlyList<Candle> WithLiveCandles(IReadOnlyList<Candle> history, IEnumerable<Candle> live)
    {
        ArgumentNullException.ThrowIfNull(live);
        foreach (var candle in live)
        {
            history = WithLive(history, candle);
        }

        return history;
    }
}
