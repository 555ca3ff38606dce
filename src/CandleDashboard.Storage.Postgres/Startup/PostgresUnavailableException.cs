namespace CandleDashboard.Storage.Postgres.Startup;

/// <summary>PostgreSQL cannot be used with the configured connection string; the message is one line fit for a startup log.</summary>
public sealed class PostgresUnavailableException(string server, string message) : Exception(message)
{
    /// <summary>host:port that was tried.</summary>
    public string Server { get; } = server;
}
