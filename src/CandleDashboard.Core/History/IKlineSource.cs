using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.History;

/// <summary>The exchange's official klines over its REST API.</summary>
public interface IKlineSource
{
    /// <summary>The intervals the exchange itself serves (others are resampled from a finer one).</summary>
    IReadOnlyList<Interval> SupportedIntervals { get; }

    /// <summary>
    /// Klines of one series with open time in [<paramref name="startTime"/>, <paramref name="endTime"/>],
    /// oldest first, at most <paramref name="limit"/> (the exchange caps a page at 1000).
    /// With no start time the exchange returns the most recent ones. The last element may be the
    /// still-forming kline (IsClosed false).
    /// </summary>
    Task<IReadOnlyList<Candle>> GetKlinesAsync(
        string symbol,
        Interval interval,
        long? startTime,
        long? endTime,
        int limit,
        CancellationToken cancellationToken);

    /// <summary>The symbols the exchange lists as trading.</summary>
    Task<IReadOnlyList<string>> GetSymbolsAsync(CancellationToken cancellationToken);
}
