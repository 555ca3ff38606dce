using Microsoft.AspNetCore.Diagnostics.HealthChecks;

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
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Redis")))
        {
            checks.AddCheck<RedisHealthCheck>("redis", tags: [Ready]);
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Postgres")))
        {
            checks.AddCheck<PostgresHealthCheck>("postgres", tags: [Ready]);
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
