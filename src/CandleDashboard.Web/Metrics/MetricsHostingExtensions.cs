using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;

namespace CandleDashboard.Web.Metrics;

/// <summary>The <c>CandleDashboard</c> meter, exported in Prometheus text format at <c>/metrics</c> through OpenTelemetry.</summary>
public static class MetricsHostingExtensions
{
    public static WebApplicationBuilder AddDashboardMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<DashboardMetrics>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitMetricsHandler>());
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(DashboardMetrics.MeterName)
            .AddPrometheusExporter());
        return builder;
    }

    public static WebApplication MapDashboardMetrics(this WebApplication app)
    {
        // Observable instruments exist only once the class is built: build it now, not at the first hub call.
        app.Services.GetRequiredService<DashboardMetrics>();
        app.MapPrometheusScrapingEndpoint("/metrics").ExcludeFromDescription();
        return app;
    }
}
