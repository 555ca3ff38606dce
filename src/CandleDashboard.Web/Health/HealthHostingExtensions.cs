using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CandleDashboard.Web.Health;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (stores, feed and buffers are usable).</summary>
public static class HealthHostingExtensions
{
    private const string Ready = "ready";

    public static WebApplicationBuilder AddDashboardHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>().Bind(builder.Configuration.GetSection(HealthOptions.SectionName));
        var checks = builder.Services.AddHealthChecks()
            .AddCheck<FeedFreshnessCheck>("feed", tags: [Ready])
            .AddCheck<BuffersReadyCheck>("buffers", tags: [Ready]);

        // Same switches as the persistence setup: a store is checked only when it is configured.
        // A store outage is shown (Degraded) but does not make an instance unready: every instance shares
        // the store, so it would take all of them out of the load balancer at once, while each still
        // serves charts (PostgreSQL's writes queue, reads fall through to the other tier and the
        // exchange). Only what is this instance's own (its feed, its buffers) makes it unready.
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Redis")))
        {
            checks.AddCheck<RedisHealthCheck>("redis", failureStatus: HealthStatus.Degraded, tags: [Ready]);
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Postgres")))
        {
            checks.AddCheck<PostgresHealthCheck>("postgres", failureStatus: HealthStatus.Degraded, tags: [Ready]);
        }

        return builder;
    }

    public static WebApplication MapDashboardHealthChecks(this WebApplication app)
    {
        // Liveness runs no check: a store outage must not make an orchestrator restart a healthy process.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .ExcludeFromDescription();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = HealthResponseWriter.WriteAsync })
            .ExcludeFromDescription();
        return app;
    }
}
