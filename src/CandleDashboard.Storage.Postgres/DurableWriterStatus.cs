namespace CandleDashboard.Storage.Postgres;

/// <summary>State of the <see cref="DurableCandleWriter"/> for status pages and health checks.</summary>
/// <param name="PendingCandles">Accepted but not yet in PostgreSQL.</param>
/// <param name="FailingSince">When the current run of failed writes began; null while writes succeed.</param>
/// <param name="LastError">Message of the latest failed write; null while writes succeed.</param>
public sealed record DurableWriterStatus(int PendingCandles, DateTimeOffset? FailingSince, string? LastError);
