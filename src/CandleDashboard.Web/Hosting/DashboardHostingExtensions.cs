using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Components;
using CandleDashboard.Web.Options;
using CandleDashboard.Web.Components.Layout;
using Microsoft.AspNetCore.Components.Server;
using MudBlazor.Services;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Hosting;

public static class DashboardHostingExtensions
{
    /// <summary>Options, the served series, live candles, the trade pump and the Blazor components.</summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DashboardOptions>()
            .Bind(builder.Configuration.GetSection(DashboardOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();

        services.AddSingleton(sp =>
        {
            var dashboard = sp.GetRequiredService<IOptions<DashboardOptions>>().Value;
            return new SeriesCatalog(dashboard.EffectiveSymbols, dashboard.EffectiveIntervals);
        });

        // The feed is the trade sink (fed by TradeFeedWorker); everything else reads it as the stream.
        services.AddSingleton(sp =>
        {
            var dashboard = sp.GetRequiredService<IOptions<DashboardOptions>>().Value;
            return new LiveCandleFeed(
                new LiveCandleFeedOptions { Symbols = dashboard.EffectiveSymbols, Intervals = dashboard.EffectiveIntervals },
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<LiveCandleFeed>>());
        });
        services.AddSingleton<ILiveCandleStream>(sp => sp.GetRequiredService<LiveCandleFeed>());
        services.AddHostedService<TradeFeedWorker>();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSingleton<AssetVersions>();
        services.AddScoped<ThemeState>();
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

        var dashboard = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value;
        app.MapGet("/", () => Results.Redirect(dashboard.DefaultChartPath)).ExcludeFromDescription();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
