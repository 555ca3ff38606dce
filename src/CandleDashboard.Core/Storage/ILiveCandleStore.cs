using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Storage;

/// <summary>
/// The forming live candle per series, kept apart from official candles (a live candle is never mistaken for a final one) with a TTL,
/// so a restarted or second app instance can show it before its own builder has seen a trade.
/// </summary>
public interface ILiveCandleStore
{
    Task SetAsync(SeriesKey series, Candle candle, CancellationToken cancellationToken);

    Task<Candle?> GetAsync(SeriesKey series, CancellationToken cancellationToken);
}
