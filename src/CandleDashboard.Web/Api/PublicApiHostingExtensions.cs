using CandleDashboard.Web.Health;
using CandleDashboard.Web.Metrics;

namespace CandleDashboard.Web.Api;

/// <summary>Registers and maps the public, read-only surface: REST API, OpenAPI document, health and metrics.</summary>
public static class PublicApiHostingExtensions
{
    public static WebApplicationBuilder AddPublicApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(ApiOptions.SectionName).Get<ApiOptions>() ?? new ApiOptions();
        services.AddProblemDetails();
        services.AddApiRateLimiting(options.RateLimit);
        services.AddOpenApi();
        builder.AddDashboardHealthChecks();
        builder.AddDashboardMetrics();
        return builder;
    }

    /// <summary>Call after <c>UseDashboard</c>: the API's middleware must run inside the dashboard's status-code pages.</summary>
    public static WebApplication MapPublicApi(this WebApplication app)
    {
        app.UseMiddleware<ApiProblemMiddleware>();
        app.UseRateLimiter();

        var api = app.MapGroup("/api").RequireRateLimiting(ApiRateLimiting.PolicyName).WithTags("Candles");
        api.MapCatalogEndpoints();
        api.MapCandleEndpoints();
        app.MapGroup("/api").RequireRateLimiting(ApiRateLimiting.PolicyName).WithTags("Indicators").MapIndicatorEndpoints();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapDashboardHealthChecks();
        app.MapDashboardMetrics();
        return app;
    }
}
