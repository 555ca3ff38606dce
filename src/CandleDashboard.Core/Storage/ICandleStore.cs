using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Storage;

/// <summary>
/// A store of official (closed, exchange-published) candles. Exactly one candle per open time
/// per series: writing a candle for an open time that exists replaces it, atomically.
/// Live candles never go here: they have their own <see cref="ILiveCandleStore"/>, so no reader mistakes one for final.
/// </summary>
public interface ICandleStore
{
    /// <summary>Short name for logs and status ("redis", "postgres", "memory").</summary>
    string Name { get; }

    /// <summary>
    /// Inserts or replaces the candles (any order, one series). A store may accept them before they
    /// can be read back (a write queue in front of a database); <see cref="FlushAsync"/> says when.
    /// </summary>
    Task UpsertAsync(SeriesKey series, IReadOnlyList<Candle> candles, CancellationToken cancellationToken);

    /// <summary>
    /// Completes when every candle accepted so far can be read back from this store. Stores that write
    /// before <see cref="UpsertAsync"/> returns are always flushed; a queueing store completes it when
    /// its queue has reached the database. data_updated waits for this, so nobody is told of candles
    /// they cannot read yet.
    /// </summary>
    Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The newest <paramref name="count"/> candles, oldest first.</summary>
    Task<IReadOnlyList<Candle>> GetRecentAsync(SeriesKey series, int count, CancellationToken cancellationToken);

    /// <summary>Candles with open time in [<paramref name="fromOpenTime"/>, <paramref name="toOpenTime"/>], oldest first.</summary>
    Task<IReadOnlyList<Candle>> GetRangeAsync(SeriesKey series, long fromOpenTime, long toOpenTime, CancellationToken cancellationToken);

    /// <summary>Earliest, latest and count of the series, or null when the store has none of it.</summary>
    Task<SeriesMetadata?> GetMetadataAsync(SeriesKey series, CancellationToken cancellationToken);
}
