using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.History;

/// <summary>
/// Where a chart gets its past candles. Backed by the exchange REST now; the storage work
/// puts Redis and PostgreSQL in front of it without changing callers.
/// </summary>
public interface ICandleHistory
{
    /// <summary>The newest <paramref name="count"/> candles of the series, oldest first.</summary>
    Task<IReadOnlyList<Candle>> GetRecentAsync(
        string symbol,
        Interval interval,
        int count,
        CancellationToken cancellationToken);
}
