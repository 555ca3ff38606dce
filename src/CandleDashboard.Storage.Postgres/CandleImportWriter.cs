using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace CandleDashboard.Storage.Postgres;

/// <summary>
/// The bulk import's writer: each commit is one transaction that binary-COPYs the candles into a temporary
/// table, upserts them into <c>candles</c> with one INSERT … ON CONFLICT (the same rule as
/// <see cref="CandleSql.Upsert"/>: an unchanged row is not rewritten, so an import run twice changes nothing),
/// and records the file's <see cref="ImportProgress"/> — candles and position commit together or not at all.
/// </summary>
public sealed class CandleImportWriter
{
    private const string CreateStaging = """
        CREATE TEMP TABLE IF NOT EXISTS import_staging (
            exchange text NOT NULL, symbol text NOT NULL, "interval" text NOT NULL, open_time bigint NOT NULL,
            open numeric NOT NULL, high numeric NOT NULL, low numeric NOT NULL, close numeric NOT NULL,
            volume numeric NOT NULL, quote_volume numeric NOT NULL, trade_count bigint NOT NULL,
            is_closed boolean NOT NULL, source text NOT NULL
        ) ON COMMIT DELETE ROWS
        """;

    private const string Copy = """
        COPY import_staging (exchange, symbol, "interval", open_time, open, high, low, close, volume, quote_volume, trade_count, is_closed, source)
        FROM STDIN (FORMAT BINARY)
        """;

    // Ordered by the key so concurrent writers of overlapping series lock rows in the same order.
    private const string Upsert = """
        INSERT INTO candles AS c (exchange, symbol, "interval", open_time, open, high, low, close,
                                  volume, quote_volume, trade_count, is_closed, source)
        SELECT exchange, symbol, "interval", open_time, open, high, low, close, volume, quote_volume, trade_count, is_closed, source
        FROM import_staging
        ORDER BY exchange, symbol, "interval", open_time
        ON CONFLICT (exchange, symbol, "interval", open_time) DO UPDATE SET
            open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
            volume = EXCLUDED.volume, quote_volume = EXCLUDED.quote_volume, trade_count = EXCLUDED.trade_count,
            is_closed = EXCLUDED.is_closed, source = EXCLUDED.source, updated_at = now()
        WHERE (c.open, c.high, c.low, c.close, c.volume, c.quote_volume, c.trade_count, c.is_closed, c.source)
              IS DISTINCT FROM
              (EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close, EXCLUDED.volume, EXCLUDED.quote_volume,
               EXCLUDED.trade_count, EXCLUDED.is_closed, EXCLUDED.source)
        """;

    private const string SaveProgress = """
        INSERT INTO import_progress (exchange, symbol, file_identity, file_name, lines_done, trades_done, malformed, completed, state)
        VALUES (@Exchange, @Symbol, @FileIdentity, @FileName, @LinesDone, @TradesDone, @Malformed, @Completed, @State)
        ON CONFLICT (exchange, symbol, file_identity) DO UPDATE SET
            file_name = EXCLUDED.file_name, lines_done = EXCLUDED.lines_done, trades_done = EXCLUDED.trades_done,
            malformed = EXCLUDED.malformed, completed = EXCLUDED.completed, state = EXCLUDED.state, updated_at = now()
        """;

    private const string ReadProgress = """
        SELECT exchange AS Exchange, symbol AS Symbol, file_identity AS FileIdentity, file_name AS FileName,
               lines_done AS LinesDone, trades_done AS TradesDone, malformed AS Malformed, completed AS Completed, state AS State
        FROM import_progress
        WHERE exchange = @Exchange AND symbol = @Symbol AND file_identity = @FileIdentity
        """;

    private readonly NpgsqlDataSource _dataSource;

    public CandleImportWriter(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    /// <summary>The file's committed position, or null when it has never been imported.</summary>
    public async Task<ImportProgress?> GetProgressAsync(string exchange, string symbol, string fileIdentity, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<ImportProgress>(new CommandDefinition(
            ReadProgress, new { Exchange = exchange, Symbol = symbol, FileIdentity = fileIdentity }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Forgets the files' positions (a fresh import from their first line: <c>--restart</c>).</summary>
    public async Task ForgetAsync(string exchange, string symbol, IEnumerable<string> fileIdentities, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM import_progress WHERE exchange = @Exchange AND symbol = @Symbol AND file_identity = ANY(@Ids)",
            new { Exchange = exchange, Symbol = symbol, Ids = fileIdentities.ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes the series' import lock (a session advisory lock on a connection of its own, held until the returned
    /// handle is disposed, or released by the server if the process dies), or null when another import of the same
    /// exchange and symbol holds it: two imports of one series would race for the same rows and positions.
    /// </summary>
    public async Task<IAsyncDisposable?> TryLockAsync(string exchange, string symbol, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var key = new { Exchange = exchange, Symbol = symbol };
        var locked = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT pg_try_advisory_lock({LockKey})", key, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (!locked)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            return null;
        }

        return new SeriesLock(connection, key);
    }

    private const string LockKey = "hashtext('candledashboard.import:' || @Exchange || ':' || @Symbol)";

    /// <summary>Unlocks explicitly: a pooled connection keeps its session (and the lock) after it is returned.</summary>
    private sealed class SeriesLock(NpgsqlConnection connection, object key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await connection.ExecuteAsync($"SELECT pg_advisory_unlock({LockKey})", key).ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // The session is gone, and the lock with it.
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Upserts <paramref name="candles"/> (each series' candles unique by open time) and saves <paramref name="progress"/>, in one transaction.</summary>
    /// <returns>Rows inserted or changed (unchanged rows are not rewritten and not counted).</returns>
    public async Task<long> CommitAsync(IReadOnlyList<(SeriesKey Series, IReadOnlyList<Candle> Candles)> candles, ImportProgress progress, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        long changed = 0;
        if (candles.Any(c => c.Candles.Count > 0))
        {
            await using (var create = new NpgsqlCommand(CreateStaging, connection, transaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var importer = await connection.BeginBinaryImportAsync(Copy, cancellationToken).ConfigureAwait(false))
            {
                foreach (var (series, list) in candles)
                {
                    foreach (var c in list)
                    {
                        await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                        await importer.WriteAsync(series.Exchange, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                        await importer.WriteAsync(series.Symbol, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                        await importer.WriteAsync(series.Interval.Code, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                        await importer.WriteAsync(c.OpenTime, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                        await importer.WriteAsync(c.Open, NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                        await importer.WriteAsync(c.High, NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                        await importer.WriteAsync(c.Low, NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                        await importer.WriteAsync(c.Close, NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                        await importer.WriteAsync(c.Volume, NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                        await importer.WriteAsync(c.QuoteVolume, NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                        await importer.WriteAsync(c.TradeCount, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                        await importer.WriteAsync(c.IsClosed, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                        await importer.WriteAsync(SourceText.Of(c.Source), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    }
                }

                await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var upsert = new NpgsqlCommand(Upsert, connection, transaction);
            changed = await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(new CommandDefinition(SaveProgress, progress, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }
}
