using CandleDashboard.Core.Market;

namespace CandleDashboard.Storage.Postgres;

/// <summary>Deletes old candles of one interval; the seam the host's retention job is scheduled against (and tested through).</summary>
public interface ICandleRetention
{
    /// <summary>Deletes every candle of <paramref name="interval"/> opening before <paramref name="cutoffOpenTime"/> (UTC epoch ms), in batches.</summary>
    /// <returns>The number of rows deleted.</returns>
    Task<long> DeleteOlderThanAsync(Interval interval, long cutoffOpenTime, int batchSize, CancellationToken cancellationToken);
}
