using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CandleDashboard.Storage.Postgres.Schema;

/// <summary>
/// Brings the schema up to date at startup. Every script runs once, in its own transaction together
/// with its schema_migrations row, so a failed script leaves no half-applied schema and is retried
/// next start. The whole run holds a PostgreSQL advisory lock: a second app instance starting at
/// the same moment waits, then finds everything applied.
/// </summary>
public sealed class PostgresMigrator
{
    /// <summary>Advisory lock key of schema migration (any constant unique to this app; "CandleDb" in ASCII).</summary>
    public const long AdvisoryLockKey = 0x43616E646C654462;

    private const string CreateHistoryTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer     PRIMARY KEY,
            name       text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly TimeSpan _lockTimeout;
    private readonly ILogger _logger;

    public PostgresMigrator(NpgsqlDataSource dataSource, PostgresOptions options, ILogger<PostgresMigrator>? logger = null)
        : this(dataSource, MigrationScripts.All, options.MigrationLockTimeout, logger)
    {
    }

    /// <param name="migrations">The scripts to apply; tests pass their own, the app uses the embedded ones.</param>
    public PostgresMigrator(NpgsqlDataSource dataSource, IReadOnlyList<Migration> migrations, TimeSpan lockTimeout, ILogger<PostgresMigrator>? logger = null)
    {
        _dataSource = dataSource;
        _migrations = migrations.OrderBy(m => m.Version).ToArray();
        _lockTimeout = lockTimeout;
        _logger = logger ?? NullLogger<PostgresMigrator>.Instance;
    }

    public async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // Session-level lock: held across the per-script transactions; released below, and by the
        // server anyway if this process dies mid-way (the session ends).
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey },
            commandTimeout: (int)Math.Ceiling(_lockTimeout.TotalSeconds), cancellationToken: cancellationToken)).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(CreateHistoryTable, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var recorded = (await connection.QueryAsync<(int Version, string Checksum)>(new CommandDefinition(
                "SELECT version, checksum FROM schema_migrations", cancellationToken: cancellationToken)).ConfigureAwait(false))
                .ToDictionary(r => r.Version, r => r.Checksum);

            var applied = new List<int>();
            foreach (var migration in _migrations)
            {
                if (recorded.TryGetValue(migration.Version, out var checksum))
                {
                    if (!string.Equals(checksum, migration.Checksum, StringComparison.Ordinal))
                    {
                        // Not fatal: the applied schema is what it is; a changed script needs a new version.
                        _logger.LogWarning("Migration {Version} ({Name}) changed after it was applied; add a new migration instead of editing it",
                            migration.Version, migration.Name);
                    }

                    continue;
                }

                await ApplyAsync(connection, migration, cancellationToken).ConfigureAwait(false);
                applied.Add(migration.Version);
            }

            var current = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
                "SELECT max(version) FROM schema_migrations", cancellationToken: cancellationToken)).ConfigureAwait(false) ?? 0;
            var hypertable = await IsHypertableAsync(connection, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("PostgreSQL schema at version {Version} ({Applied} applied now); candles is a {Kind}",
                current, applied.Count, hypertable ? "TimescaleDB hypertable" : "plain table");
            return new MigrationResult(applied, current, hypertable);
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }).ConfigureAwait(false);
            }
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schema_migrations (version, name, checksum) VALUES (@Version, @Name, @Checksum)",
            new { migration.Version, migration.Name, migration.Checksum }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Applied PostgreSQL migration {Version} ({Name})", migration.Version, migration.Name);
    }

    private static async Task<bool> IsHypertableAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // timescaledb_information only exists with the extension; ask the catalog first.
        var hasTimescale = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return hasTimescale && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM timescaledb_information.hypertables WHERE hypertable_name = 'candles')",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
