using CandleDashboard.Web.Metrics;

namespace CandleDashboard.Web.Hubs;

/// <summary>
/// Counts open hub connections (hub instances live for one call, so the count lives in a
/// singleton) and reports them to the app's metrics when those are registered.
/// </summary>
public sealed class HubConnectionEvents(DashboardMetrics? metrics = null)
{
    private int _open;

    public int OpenConnections => Volatile.Read(ref _open);

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
