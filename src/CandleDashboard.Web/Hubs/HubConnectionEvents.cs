namespace CandleDashboard.Web.Hubs;

/// <summary>
/// Counts open hub connections (hub instances are per call, so the count lives in a singleton);
/// the place where connection metrics are reported.
/// </summary>
public sealed class HubConnectionEvents
{
    private int _open;

    public int OpenConnections => Volatile.Read(ref _open);

    public void Connected() => Interlocked.Increment(ref _open);

    public void Disconnected() => Interlocked.Decrement(ref _open);
}
