namespace CandleDashboard.Core.Building;

/// <summary>What <see cref="LiveCandleBuilder.Apply"/> did with a trade.</summary>
public enum TradeOutcome
{
    /// <summary>Applied to the forming candle of every interval.</summary>
    Accepted,

    /// <summary>
    /// Older than the forming bucket of at least one interval: applied only where its bucket is
    /// still forming, skipped where that candle has already closed (the fetcher's official kline
    /// corrects such candles later).
    /// </summary>
    Late,

    /// <summary>Price ≤ 0, quantity ≤ 0, or a time too far in the future: not applied anywhere.</summary>
    Rejected,
}
