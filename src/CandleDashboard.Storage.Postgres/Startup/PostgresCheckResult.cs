namespace CandleDashboard.Storage.Postgres.Startup;

/// <summary>Outcome of <see cref="PostgresStartupCheck"/>; the web host decides whether to refuse to start or degrade.</summary>
/// <param name="Server">host:port from the connection string, for messages and status pages.</param>
/// <param name="Error">One line naming the server and <c>ConnectionStrings:Postgres</c>; null when reachable.</param>
public sealed record PostgresCheckResult(string Server, string? Error)
{
    public bool IsAvailable => Error is null;
}
