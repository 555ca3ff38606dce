using System.Net.Sockets;
using Npgsql;

namespace CandleDashboard.Storage.Postgres.Resilience;

/// <summary>
/// Which failures are worth retrying: the database is (re)starting, the connection broke, or a
/// concurrency conflict that a second try resolves. Bad SQL, bad data or bad credentials are not:
/// retrying those only delays the error.
/// </summary>
public static class TransientErrors
{
    // Npgsql's IsTransient misses these: the server shutting down under us (57P01/57P02, seen when
    // it is stopped mid-outage) and the 08 class (connection exceptions).
    private static readonly HashSet<string> ExtraTransientStates =
        ["57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006", "40001", "40P01", "53300"];

    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException pg => pg.IsTransient || ExtraTransientStates.Contains(pg.SqlState),
        NpgsqlException npgsql => npgsql.IsTransient || IsConnectionFailure(npgsql.InnerException),
        _ => IsConnectionFailure(exception),
    };

    /// <summary>Refused, reset or timed-out connections, wherever they sit in the chain.</summary>
    private static bool IsConnectionFailure(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException or IOException or TimeoutException or EndOfStreamException)
            {
                return true;
            }
        }

        return false;
    }
}
