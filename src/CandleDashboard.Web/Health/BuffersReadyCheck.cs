using CandleDashboard.Core.Buffers;
using CandleDashboard.Web.Venues;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CandleDashboard.Web.Health;

/// <summary>
/// Ready once the startup buffers have loaded: before that a chart would open empty or slow. Per venue:
/// Unhealthy while no venue has all its buffers; Degraded while some venue is still loading. A venue
/// whose exchange allows few calls (Kraken's public counter: about one a second) takes half a minute or
/// more to fill its buffers, and the venues already loaded should not wait out of the balancer for it.
/// </summary>
public sealed class BuffersReadyCheck(VenueDirectory venues) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var statuses = venues.All.SelectMany(v => v.Buffers.Statuses.Select(s => (Venue: v, Status: s))).ToArray();
        var notReady = statuses.Where(s => s.Status.State != BufferState.Ready).ToArray();
        var data = new Dictionary<string, object> { ["buffers"] = statuses.Length, ["notReady"] = notReady.Length };
        var readyVenues = venues.All.Count(v => v.Buffers.AllReady);
        if (readyVenues == venues.All.Count)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"All {statuses.Length} buffers loaded.", data));
        }

        var first = notReady.Take(5).Select(n => $"{n.Venue.Id} {n.Status.Symbol} {n.Status.Interval.Code}: {n.Status.State}{(n.Status.LastError is null ? "" : $" ({n.Status.LastError})")}");
        var description = $"{notReady.Length} of {statuses.Length} buffers not ready: {string.Join("; ", first)}{(notReady.Length > 5 ? "; ..." : "")}";
        return Task.FromResult(readyVenues == 0
            ? HealthCheckResult.Unhealthy(description, data: data)
            : HealthCheckResult.Degraded(description, data: data));
    }
}
