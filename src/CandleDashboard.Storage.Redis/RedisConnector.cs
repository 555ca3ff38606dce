using System.Net;
using StackExchange.Redis;

namespace CandleDashboard.Storage.Redis;

/// <summary>Opens the app's one shared Redis connection.</summary>
public static class RedisConnector
{
    /// <summary>
    /// Connects with <c>abortConnect=false</c> whatever the string says: the multiplexer is returned
    /// even when Redis is down and keeps reconnecting in the background, so the host decides
    /// (with <see cref="RedisConnectionChecker"/>) whether to refuse to start or to run degraded.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string cannot be parsed; the message names the setting.</exception>
    public static async Task<IConnectionMultiplexer> ConnectAsync(string connectionString) =>
        await ConnectionMultiplexer.ConnectAsync(Configure(connectionString)).ConfigureAwait(false);

    /// <summary>
    /// The options <see cref="ConnectAsync"/> uses: the parsed string with <c>abortConnect=false</c> and
    /// fail-fast commands. For a second connection that must behave the same (same server, same password).
    /// </summary>
    /// <exception cref="ArgumentException">The connection string cannot be parsed; the message names the setting.</exception>
    public static ConfigurationOptions Configure(string connectionString)
    {
        var config = Parse(connectionString);
        config.AbortOnConnectFail = false;
        config.ClientName ??= "candledashboard";
        // A command that cannot be sent fails at once instead of waiting in the client's backlog
        // for a reconnect (up to the command timeout): the callers have somewhere better to go
        // (the next history tier, the fetcher's next run, the next live update), and the start-up
        // check should say "no connection" now rather than "no answer" after its timeout.
        config.BacklogPolicy = BacklogPolicy.FailFast;
        return config;
    }

    /// <summary>The endpoints of a connection string as <c>host:port</c>, for messages (never the password).</summary>
    public static string DescribeServers(string connectionString)
    {
        try
        {
            return DescribeServers(Parse(connectionString).EndPoints);
        }
        catch (ArgumentException)
        {
            return "(unparsable connection string)";
        }
    }

    internal static string DescribeServers(IEnumerable<EndPoint> endPoints)
    {
        var names = endPoints.Select(e => e switch
        {
            DnsEndPoint d => $"{d.Host}:{(d.Port == 0 ? 6379 : d.Port)}",
            IPEndPoint ip => $"{ip.Address}:{(ip.Port == 0 ? 6379 : ip.Port)}",
            _ => e.ToString() ?? "?",
        }).ToArray();
        return names.Length == 0 ? "(no server)" : string.Join(",", names);
    }

    private static ConfigurationOptions Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException($"Redis connection string is empty: set {RedisOptions.ConnectionStringSetting}.", nameof(connectionString));
        }

        try
        {
            var config = ConfigurationOptions.Parse(connectionString);
            if (config.EndPoints.Count == 0)
            {
                throw new ArgumentException("no host:port given");
            }

            return config;
        }
        catch (ArgumentException ex)
        {
            // The library's message may echo the whole string (password included); keep only its gist.
            throw new ArgumentException(
                $"Redis connection string in {RedisOptions.ConnectionStringSetting} is invalid ({FirstLine(ex.Message)}).", nameof(connectionString));
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Contains("password", StringComparison.OrdinalIgnoreCase) ? "bad option" : line;
    }
}
