namespace CandleDashboard.Storage.Postgres.Schema;

/// <summary>What a migration run did.</summary>
/// <param name="Applied">Versions applied by this run (empty when the schema was current).</param>
/// <param name="CurrentVersion">Highest version now recorded in schema_migrations.</param>
/// <param name="IsHypertable">True when candles is a TimescaleDB hypertable; false for a plain table.</param>
public sealed record MigrationResult(IReadOnlyList<int> Applied, int CurrentVersion, bool IsHypertable);
