using CandleDashboard.Web.Metrics;

namespace CandleDashboard.Web.Hubs;

/// <summary>
/// Counts open hub connections and the ones dropped for not reading (hub instances live for one
/// call, so the counts live in a singleton) and reports them to the app's metrics when those are registered.
/// </summary>
public sealed class HubConnectionEvents(DashboardMetrics? metrics = null)
{
    private int _open;
    private long _slowDropped;

    public int OpenConnections => Volatile.Read(ref _open);

    /// <summary>Connections dropped because they stopped reading (their buffer stayed full past the deadline).</summary>
    public long SlowFollowersDropped => Interlocked.Read(ref _slowDropped);

    public void SlowFollowerDropped()
    {
        Interlocked.Increment(ref _slowDropped);
        metrics?.HubSlowFollowerDropped();
    }

    public void Connected()
    {
        Interlocked.Increment(ref _open);
        metrics?.HubConnected();
    }

    public void Disconnected()
    {
        Interlocked.Decrement(ref _open);
        metrics?.HubDisconnected();
    }
}
