using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CandleDashboard.Storage.Postgres.Startup;

/// <summary>
/// Opens one connection and runs <c>SELECT 1</c>, turning whatever goes wrong into a single line that
/// names the server (host:port) and the setting to fix (<c>ConnectionStrings:Postgres</c>), instead of
/// a stack trace. The password is never part of a message.
/// </summary>
public sealed class PostgresStartupCheck
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;

    public PostgresStartupCheck(NpgsqlDataSource dataSource, ILogger<PostgresStartupCheck>? logger = null)
    {
        _dataSource = dataSource;
        _logger = logger ?? NullLogger<PostgresStartupCheck>.Instance;
    }

    public async Task<PostgresCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(_dataSource.ConnectionString);
        var server = ServerOf(builder);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("PostgreSQL at {Server} is reachable (database {Database}, server {Version})", server, connection.Database, connection.PostgreSqlVersion);
            return new PostgresCheckResult(server, null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = Describe(ex, server, builder);
            _logger.LogError("{Error}", error);
            return new PostgresCheckResult(server, error);
        }
    }

    /// <summary>host:port as written in the connection string (5432 when no port is given).</summary>
    public static string ServerOf(NpgsqlConnectionStringBuilder builder)
    {
        var host = string.IsNullOrEmpty(builder.Host) ? "localhost" : builder.Host;
        return host.Contains(',') ? host : $"{host}:{builder.Port}";
    }

    internal static string Describe(Exception ex, string server, NpgsqlConnectionStringBuilder builder)
    {
        const string Setting = PostgresOptions.ConnectionStringSetting;
        var user = builder.Username ?? Environment.UserName;
        var detail = OneLine(ex is PostgresException pg ? $"{pg.SqlState}: {pg.MessageText}" : Innermost(ex).Message);
        return ex switch
        {
            // 28xxx: invalid authorization (no such role, bad password, pg_hba refusal).
            PostgresException { SqlState: var s } when s.StartsWith("28", StringComparison.Ordinal) =>
                $"PostgreSQL at {server} refused the login of user '{user}' ({detail}); check the user and password in {Setting}.",
            PostgresException { SqlState: "3D000" } =>
                $"PostgreSQL at {server} has no database '{builder.Database}' ({detail}); create it or fix {Setting}.",
            PostgresException =>
                $"PostgreSQL at {server} refused the connection ({detail}); check {Setting}.",
            _ when Innermost(ex) is TimeoutException || ex is TimeoutException =>
                $"PostgreSQL at {server} did not answer within {builder.Timeout} s ({detail}); check that it runs and {Setting}.",
            _ when Innermost(ex) is SocketException or IOException =>
                $"PostgreSQL at {server} is unreachable ({detail}); check that it runs and {Setting}.",
            _ => $"PostgreSQL at {server} cannot be used ({detail}); check {Setting}.",
        };
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
