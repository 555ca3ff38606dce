using System.Diagnostics.Metrics;
using CandleDashboard.Web.Metrics;

namespace CandleDashboard.Hub.Tests;

/// <summary>
/// Counts what one app reports on <c>candledashboard.hub.calls_refused</c> for one hub method while it
/// lives. Only that app's meter is heard (its <see cref="IMeterFactory"/> is the meter's scope), so apps
/// of other test classes running at the same time do not count.
/// </summary>
public sealed class RefusedCalls : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public RefusedCalls(IMeterFactory appMeters, string method)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == appMeters && instrument.Meter.Name == DashboardMetrics.MeterName && instrument.Name == "candledashboard.hub.calls_refused")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "method" && Equals(tag.Value, method))
                {
                    Interlocked.Add(ref _count, value);
                }
            }
        });
        _listener.Start();
    }

    /// <summary>The hub counts a refusal before the client reads it, so this is current once a call has failed.</summary>
    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
