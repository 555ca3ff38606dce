namespace CandleDashboard.Storage.Postgres;

/// <summary>One file's committed import position (table import_progress, Migrations/004_import_progress.sql).</summary>
/// <param name="State">The importer's own encoding of the builder's forming candles after <paramref name="LinesDone"/>.</param>
public sealed record ImportProgress(
    string Exchange,
    string Symbol,
    string FileIdentity,
    string FileName,
    long LinesDone,
    long TradesDone,
    long Malformed,
    bool Completed,
    string State);
