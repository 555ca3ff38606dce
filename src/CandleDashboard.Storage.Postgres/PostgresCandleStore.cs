using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Postgres.Resilience;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CandleDashboard.Storage.Postgres;

/// <summary>
/// Official candles in PostgreSQL: the durable tier, first in the fetcher's commit order. Pooled
/// connections come from one <see cref="NpgsqlDataSource"/>; every operation is retried on transient
/// errors (restart, broken pooled connection) with exponential backoff. For "never lose a write while
/// the database is down", wrap this in a <see cref="DurableCandleWriter"/>.
/// </summary>
public sealed class PostgresCandleStore : ICandleStore, ICandleRetention
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly int _batchSize;
    private readonly RetryPolicy _retry;

    public PostgresCandleStore(NpgsqlDataSource dataSource, PostgresOptions options, ILogger<PostgresCandleStore>? logger = null)
    {
        _dataSource = dataSource;
        _batchSize = options.UpsertBatchSize;
        _retry = RetryPolicy.From(options, logger ?? (ILogger)NullLogger.Instance);
    }

    public string Name => "postgres";

    /// <summary>
    /// Inserts or replaces the candles, all in one transaction (readers never see half a backfill).
    /// Duplicate open times in the input keep the last one: one statement cannot update a row twice.
    /// </summary>
    public Task UpsertAsync(SeriesKey series, IReadOnlyList<Candle> candles, CancellationToken cancellationToken)
    {
        if (candles.Count == 0)
        {
            return Task.CompletedTask;
        }

        // Sorted by open time so that concurrent upserts of overlapping ranges lock rows in the same order (no deadlock).
        var rows = candles.GroupBy(c => c.OpenTime).Select(g => g.Last()).OrderBy(c => c.OpenTime).ToArray();
        return _retry.ExecuteAsync($"upsert of {rows.Length} candles of {series}", ct => WriteAsync(series, rows, ct), cancellationToken);
    }

    public Task<IReadOnlyList<Candle>> GetRecentAsync(SeriesKey series, int count, CancellationToken cancellationToken)
    {
        if (count <= 0)
        {
            return Task.FromResult<IReadOnlyList<Candle>>([]);
        }

        return _retry.ExecuteAsync<IReadOnlyList<Candle>>($"read of the newest {count} candles of {series}", async ct =>
        {
            var rows = await QueryAsync(CandleSql.RecentNewestFirst, new { series.Exchange, series.Symbol, Interval = series.Interval.Code, Count = count }, ct).ConfigureAwait(false);
            var candles = new Candle[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                candles[rows.Count - 1 - i] = rows[i].ToCandle();
            }

            return candles;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<Candle>> GetRangeAsync(SeriesKey series, long fromOpenTime, long toOpenTime, CancellationToken cancellationToken)
    {
        if (fromOpenTime > toOpenTime)
        {
            return Task.FromResult<IReadOnlyList<Candle>>([]);
        }

        return _retry.ExecuteAsync<IReadOnlyList<Candle>>($"range read of {series}", async ct =>
        {
            var rows = await QueryAsync(CandleSql.Range, new { series.Exchange, series.Symbol, Interval = series.Interval.Code, From = fromOpenTime, To = toOpenTime }, ct).ConfigureAwait(false);
            return rows.Select(r => r.ToCandle()).ToArray();
        }, cancellationToken);
    }

    /// <summary>
    /// Candles of <paramref name="target"/> whose buckets open in [<paramref name="fromOpenTime"/>,
    /// <paramref name="toOpenTime"/>], rolled up in the database from the series' stored 1m rows (see
    /// README, "Rollups": for a coarser interval whose own rows are missing, e.g. after an import that
    /// wrote 1m only). Only buckets with all their minutes stored are returned, so a hole in the 1m data
    /// is a missing candle here, never a wrong one. Oldest first.
    /// </summary>
    /// <param name="exchange">The exchange's name as stored.</param>
    /// <param name="symbol">The symbol as stored.</param>
    /// <exception cref="ArgumentException"><paramref name="target"/> is not a whole multiple of 1m longer than 1m.</exception>
    public Task<IReadOnlyList<Candle>> GetRolledUpRangeAsync(
        string exchange, string symbol, Interval target, long fromOpenTime, long toOpenTime, CancellationToken cancellationToken)
    {
        var minute = Interval.OneMinute.Milliseconds;
        if (target.Milliseconds <= minute || target.Milliseconds % minute != 0)
        {
            throw new ArgumentException($"Interval {target} cannot be rolled up from 1m candles.", nameof(target));
        }

        var from = target.Floor(fromOpenTime);
        var toExclusive = target.Floor(toOpenTime) + target.Milliseconds;
        if (from >= toExclusive)
        {
            return Task.FromResult<IReadOnlyList<Candle>>([]);
        }

        return _retry.ExecuteAsync<IReadOnlyList<Candle>>($"{target} rollup of {exchange}:{symbol}", async ct =>
        {
            var rows = await QueryAsync(CandleSql.Rollup, new
            {
                Exchange = exchange,
                Symbol = symbol,
                TargetMs = target.Milliseconds,
                From = from,
                ToExclusive = toExclusive,
                Parts = target.Milliseconds / minute,
            }, ct).ConfigureAwait(false);
            return rows.Select(r => r.ToCandle()).ToArray();
        }, cancellationToken);
    }

    /// <summary>
    /// Retention: deletes every candle of <paramref name="interval"/> (all exchanges and symbols) whose
    /// open time is before <paramref name="cutoffOpenTime"/>, in statements of at most
    /// <paramref name="batchSize"/> rows until none is left, so the table is never locked for long and a
    /// cancelled run keeps what it already deleted. Each batch is retried on its own.
    /// </summary>
    /// <returns>The number of rows deleted.</returns>
    public async Task<long> DeleteOlderThanAsync(Interval interval, long cutoffOpenTime, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        long total = 0;
        while (true)
        {
            var deleted = await _retry.ExecuteAsync($"retention of {interval} before {cutoffOpenTime}", async ct =>
            {
                await using var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
                return await connection.ExecuteAsync(new CommandDefinition(
                    CandleSql.DeleteOlderBatch, new { Interval = interval.Code, Cutoff = cutoffOpenTime, Batch = batchSize }, cancellationToken: ct)).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            total += deleted;
            if (deleted < batchSize)
            {
                return total;
            }
        }
    }

    public Task<SeriesMetadata?> GetMetadataAsync(SeriesKey series, CancellationToken cancellationToken) =>
        _retry.ExecuteAsync($"metadata read of {series}", async ct =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            var row = await connection.QuerySingleAsync<(long? EarliestOpenTime, long? LatestOpenTime, long Count)>(new CommandDefinition(
                CandleSql.Metadata, new { series.Exchange, series.Symbol, Interval = series.Interval.Code }, cancellationToken: ct)).ConfigureAwait(false);
            return row.Count == 0 ? null : new SeriesMetadata(row.EarliestOpenTime!.Value, row.LatestOpenTime!.Value, row.Count);
        }, cancellationToken);

    private async Task<List<CandleRow>> QueryAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<CandleRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    private async Task WriteAsync(SeriesKey series, Candle[] rows, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        for (var start = 0; start < rows.Length; start += _batchSize)
        {
            var batch = new ArraySegment<Candle>(rows, start, Math.Min(_batchSize, rows.Length - start));
            await using var command = UpsertCommand.Create(connection, transaction, series, batch);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
