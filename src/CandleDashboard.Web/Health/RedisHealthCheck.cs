using CandleDashboard.Storage.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CandleDashboard.Web.Health;

/// <summary>Redis reachable, using the same check the app runs before it starts.</summary>
public sealed class RedisHealthCheck(RedisConnectionChecker checker) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var check = await checker.CheckAsync(cancellationToken);
        return check.IsReachable
            ? HealthCheckResult.Healthy($"Redis at {check.Servers} is reachable.")
            : new HealthCheckResult(context.Registration.FailureStatus, check.Error ?? $"Redis at {check.Servers} is unreachable.");
    }
}
