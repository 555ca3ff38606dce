using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Exchange;

/// <summary>The exchange's official klines over its REST API.</summary>
public interface IKlineSource
{
    /// <summary>The intervals the exchange itself serves (others are resampled from a finer one).</summary>
    IReadOnlyList<Interval> SupportedIntervals { get; }

    /// <summary>Most klines the exchange returns for one request (its page size).</summary>
    int MaxKlinesPerRequest { get; }

    /// <summary>
    /// Klines of one series with open time in [<paramref name="startTime"/>, <paramref name="endTime"/>],
    /// oldest first, at most <paramref name="limit"/> (1 to <see cref="MaxKlinesPerRequest"/>).
    /// With no start time the exchange returns the most recent ones. The last element may be the
    /// still-forming kline (IsClosed false).
    /// </summary>
    /// <exception cref="UnknownSymbolException">The exchange does not list the symbol.</exception>
    /// <exception cref="ExchangeRateLimitException">The exchange refuses requests for now.</exception>
    /// <exception cref="ExchangeUnavailableException">The exchange could not be reached or failed to answer.</exception>
    /// <exception cref="ExchangeException">Any other refusal or a malformed answer.</exception>
    Task<IReadOnlyList<Candle>> GetKlinesAsync(
        string symbol,
        Interval interval,
        long? startTime,
        long? endTime,
        int limit,
        CancellationToken cancellationToken);
}
