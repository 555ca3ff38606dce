using CandleDashboard.Web.Components;
using CandleDashboard.Web.Options;
using CandleDashboard.Web.Components.Layout;
using CandleDashboard.Web.Venues;
using Microsoft.AspNetCore.Components.Server;
using MudBlazor.Services;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Hosting;

public static class DashboardHostingExtensions
{
    /// <summary>Options and the Blazor components (the served series and live candles are each venue's: <see cref="Venues.VenueHostingExtensions"/>).</summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DashboardOptions>()
            .Bind(builder.Configuration.GetSection(DashboardOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();


        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSingleton<AssetVersions>();
        services.AddScoped<ThemeState>();
        services.AddSingleton<CandleDashboard.Web.Chart.FirstPaintSource>();
        services.AddSingleton<ThemeStylesheet>();
        services.AddHostedService<ThemeStylesheetWarmUp>();
        // Circuit limits are operational settings (e.g. how long a dropped tab keeps its circuit,
        // and so its chart subscription, for a reconnect): Blazor:Circuit:DisconnectedCircuitRetentionPeriod.
        services.Configure<CircuitOptions>(builder.Configuration.GetSection("Blazor:Circuit"));
        return builder;
    }

    public static WebApplication UseDashboard(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // Users get a friendly page; the details go to the log.
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UsePlotlyBundle();
        app.UseWebRootFiles();
        app.UseAntiforgery();

        var venues = app.Services.GetRequiredService<VenueDirectory>();
        app.MapGet("/", () => Results.Redirect(venues.DefaultChartPath)).ExcludeFromDescription();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
