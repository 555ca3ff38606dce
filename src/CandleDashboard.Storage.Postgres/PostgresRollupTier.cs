using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;

namespace CandleDashboard.Storage.Postgres;

/// <summary>
/// A read tier after PostgreSQL that serves a coarser interval's range from the stored 1m rows
/// (<see cref="PostgresCandleStore.GetRolledUpRangeAsync"/>), for when the interval's own rows are missing
/// and 1m rows exist: history imported as trades (1m and up are built, but retention may drop the coarse
/// rows first), or a range beyond the exchange's reach (Kraken's OHLC window). It answers ranges only —
/// a scroll-back page or a data_updated refresh — never "the newest N", which the real tiers answer with
/// their freshness checks. Only complete buckets come back, so a hole in the minutes stays a hole and the
/// history falls through to the exchange. Writes are ignored: what it serves is derived from rows that
/// already live in PostgreSQL, and the tiers before it store the rolled-up page when it answers one.
/// </summary>
public sealed class PostgresRollupTier(PostgresCandleStore store) : ICandleStore
{
    public string Name => "postgres-rollup";

    public Task UpsertAsync(SeriesKey series, IReadOnlyList<Candle> candles, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<Candle>> GetRecentAsync(SeriesKey series, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Candle>>([]);

    public Task<IReadOnlyList<Candle>> GetRangeAsync(SeriesKey series, long fromOpenTime, long toOpenTime, CancellationToken cancellationToken) =>
        CanRollUp(series.Interval)
            ? store.GetRolledUpRangeAsync(series.Exchange, series.Symbol, series.Interval, fromOpenTime, toOpenTime, cancellationToken)
            : Task.FromResult<IReadOnlyList<Candle>>([]);

    public Task<SeriesMetadata?> GetMetadataAsync(SeriesKey series, CancellationToken cancellationToken) => Task.FromResult<SeriesMetadata?>(null);

    /// <summary>Whole multiples of a minute above it (5m, 1h, 1d); 1m itself and sub-minute intervals have nothing below them here.</summary>
    public static bool CanRollUp(Interval interval) =>
        interval.Milliseconds > Interval.OneMinute.Milliseconds && interval.Milliseconds % Interval.OneMinute.Milliseconds == 0;
}
