using StackExchange.Redis;

namespace CandleDashboard.Storage.Redis;

/// <summary>
/// Tells the host whether Redis answers, and if not, says so in one clear line that names the
/// server and the setting to fix (<see cref="RedisOptions.ConnectionStringSetting"/>). The host
/// decides what to do with it (refuse to start, or run degraded on the in-memory stores).
/// </summary>
public sealed class RedisConnectionChecker
{
    private readonly IConnectionMultiplexer _connection;
    private readonly TimeSpan _timeout;

    public RedisConnectionChecker(IConnectionMultiplexer connection, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _timeout = timeout ?? TimeSpan.FromSeconds(5);
    }

    public async Task<RedisConnectionCheck> CheckAsync(CancellationToken cancellationToken)
    {
        var servers = RedisConnector.DescribeServers(_connection.GetEndPoints(configuredOnly: true));
        try
        {
            var roundTrip = await _connection.GetDatabase().PingAsync().WaitAsync(_timeout, cancellationToken).ConfigureAwait(false);
            return new RedisConnectionCheck(true, servers, roundTrip, null);
        }
        catch (RedisConnectionException ex)
        {
            return new RedisConnectionCheck(false, servers, null, Message(servers, Reason(InnermostFailure(ex))));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return new RedisConnectionCheck(false, servers, null, Message(servers, Reason(ex)));
        }
    }

    /// <summary>Connects with the given string, pings once and disconnects: a start-up probe without DI.</summary>
    public static async Task<RedisConnectionCheck> CheckAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = await RedisConnector.ConnectAsync(connectionString).ConfigureAwait(false);
        return await new RedisConnectionChecker(connection).CheckAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static string Message(string servers, string reason) =>
        $"Redis at {servers} is unreachable ({reason}); check the setting {RedisOptions.ConnectionStringSetting} (host, port, password) and that Redis is running.";

    // The library's exception text is long and multi-line; keep a short, single-line reason.
    private static string Reason(Exception ex) => ex switch
    {
        TimeoutException => "no answer to PING in time",
        // Server replies such as "NOAUTH Authentication required." or "WRONGPASS …" name no secret.
        RedisServerException => $"server replied: {FirstLine(ex.Message)}",
        _ => ex.GetType().Name,
    };

    // Only an authentication failure is named on its own: caught between the library's reconnect
    // attempts, any other cause (and, rarely, a wrong password too) reads "UnableToConnect".
    private static string Reason(ConnectionFailureType failure) => failure switch
    {
        ConnectionFailureType.AuthenticationFailure => "authentication failed: missing or wrong password",
        ConnectionFailureType.SocketFailure or ConnectionFailureType.UnableToConnect
            or ConnectionFailureType.UnableToResolvePhysicalConnection => "no connection: refused, timed out or rejected",
        _ => $"connection failed: {failure}",
    };

    // "No connection is available" wraps the cause (e.g. AuthenticationFailure) as an inner exception.
    private static ConnectionFailureType InnermostFailure(RedisConnectionException ex)
    {
        var failure = ex.FailureType;
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is RedisConnectionException deeper)
            {
                failure = deeper.FailureType;
            }
        }

        return failure;
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 160 ? line : line[..160] + "…";
    }
}
