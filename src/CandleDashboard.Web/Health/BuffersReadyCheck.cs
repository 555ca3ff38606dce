using CandleDashboard.Core.Buffers;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CandleDashboard.Web.Health;

/// <summary>Ready once every startup buffer has loaded: before that a chart would open empty or slow.</summary>
public sealed class BuffersReadyCheck(CandleBufferSet buffers) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var statuses = buffers.Statuses;
        var notReady = statuses.Where(s => s.State != BufferState.Ready).ToArray();
        var data = new Dictionary<string, object> { ["buffers"] = statuses.Count, ["notReady"] = notReady.Length };
        if (notReady.Length == 0 && buffers.AllReady)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"All {statuses.Count} buffers loaded.", data));
        }

        var first = notReady.Take(5).Select(s => $"{s.Symbol} {s.Interval.Code}: {s.State}{(s.LastError is null ? "" : $" ({s.LastError})")}");
        return Task.FromResult(HealthCheckResult.Unhealthy(
            $"{notReady.Length} of {statuses.Count} buffers not ready: {string.Join("; ", first)}{(notReady.Length > 5 ? "; ..." : "")}",
            data: data));
    }
}
