using CandleDashboard.Web.Security;

namespace CandleDashboard.Web.Hubs;

/// <summary>Limits of the public hub, bound from the <c>Hub</c> configuration section.</summary>
public sealed class CandleHubOptions
{
    public const string SectionName = "Hub";

    /// <summary>
    /// Series one connection may follow at once. Bounds what a single client can make the server
    /// fan out (and keep core subscriptions alive for).
    /// </summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 20;

    /// <summary>
    /// Hub connections one client address (<see cref="ClientPartitionKey"/>: IPv6 by /64) may hold
    /// open at once. Bounds what one client can make the server hold and send to.
    /// </summary>
    public int MaxConnectionsPerAddress { get; set; } = 20;

    /// <summary>
    /// How long one broadcast may wait for a follower whose outgoing buffer is full (it stopped
    /// reading). At the deadline SignalR cancels that connection's write and aborts the connection;
    /// nobody else ever waits for it (see <see cref="SeriesBroadcaster"/>). A healthy follower's
    /// writes complete at once: its buffer (64 KiB in SignalR, more in the server and the kernel)
    /// is never full at ~10 small messages a second per series.
    /// </summary>
    public TimeSpan SlowFollowerTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
