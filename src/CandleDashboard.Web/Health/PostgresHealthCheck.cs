using CandleDashboard.Storage.Postgres.Startup;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CandleDashboard.Web.Health;

/// <summary>PostgreSQL reachable, using the same check the app runs before it starts.</summary>
public sealed class PostgresHealthCheck(PostgresStartupCheck checker) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var check = await checker.CheckAsync(cancellationToken);
        return check.IsAvailable
            ? HealthCheckResult.Healthy("PostgreSQL is reachable.")
            : new HealthCheckResult(context.Registration.FailureStatus, check.Error ?? "PostgreSQL is unreachable.");
    }
}
