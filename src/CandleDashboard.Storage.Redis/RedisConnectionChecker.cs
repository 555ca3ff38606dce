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
        catch (Exception ex) when (ex is RedisException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return new RedisConnectionCheck(false, servers, null, Message(servers, Reason(ex)));
        }
    }

    /// <summary>Connects with the given string, pings once and disconnects: a start-up probe without DI.</summary>
    public static async Task<RedisConnectionCheck> CheckAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = await RedisConnector.ConnectAsync(connectionString).ConfigureAwait(false);
        try
        {
            return await new RedisConnectionChecker(connection).CheckAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Close first: in StackExchange.Redis 1.2.6 a bare Dispose of a connected multiplexer takes ~1 s.
            await connection.CloseAsync(allowCommandsToComplete: false).ConfigureAwait(false);
            connection.Dispose();
        }
    }

    internal static string Message(string servers, string reason) =>
        $"Redis at {servers} is unreachable ({reason}); check the setting {RedisOptions.ConnectionStringSetting} and that Redis is running.";

    // The library's exception text is long and multi-line; keep a short, single-line reason.
    private static string Reason(Exception ex) => ex switch
    {
        TimeoutException => "no answer to PING in time",
        RedisConnectionException { FailureType: var failure } => failure switch
        {
            ConnectionFailureType.AuthenticationFailure => "authentication failed",
            ConnectionFailureType.UnableToResolvePhysicalConnection or ConnectionFailureType.UnableToConnect => "connection refused or timed out",
            _ => $"connection failed: {failure}",
        },
        _ => ex.GetType().Name,
    };
}
