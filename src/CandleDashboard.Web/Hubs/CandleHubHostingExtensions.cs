using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Metrics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Hubs;

public static class CandleHubHostingExtensions
{
    /// <summary>The public candle hub: SignalR, its limits, the per-series fan-out and the data_updated relay.</summary>
    public static WebApplicationBuilder AddCandleHub(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // The per-address caps and the call log apply to every hub of the app, Blazor's circuit hub included.
        services.AddSignalR(o =>
        {
            o.AddFilter<AddressCapHubFilter>();
            o.AddFilter<HubCallLogFilter>();
        });
        services.AddSingleton(sp => new HubCallLogFilter(sp.GetRequiredService<ILogger<HubCallLogFilter>>(), sp.GetService<DashboardMetrics>()));

        // Its error-with-stack for every refused call is replaced by HubCallLogFilter's count and line.
        builder.Logging.AddFilter(HubCallLogFilter.DispatcherCategory, LogLevel.Critical);
        services.AddOptions<CircuitLimitOptions>()
            .Bind(builder.Configuration.GetSection(CircuitLimitOptions.SectionName))
            .Validate(o => o.MaxPerAddress is >= 1 and <= 100_000, "Circuits:MaxPerAddress must be 1 to 100000.")
            .ValidateOnStart();
        services.AddSingleton<ConnectionCaps>();
        services.AddSingleton<AddressCapHubFilter>();
        services.AddOptions<CandleHubOptions>()
            .Bind(builder.Configuration.GetSection(CandleHubOptions.SectionName))
            .Validate(o => o.MaxSubscriptionsPerConnection is >= 1 and <= 1000, "Hub:MaxSubscriptionsPerConnection must be 1 to 1000.")
            .Validate(o => o.MaxConnectionsPerAddress is >= 1 and <= 100_000, "Hub:MaxConnectionsPerAddress must be 1 to 100000.")
            .Validate(o => o.SlowFollowerTimeout > TimeSpan.Zero && o.SlowFollowerTimeout <= TimeSpan.FromMinutes(1), "Hub:SlowFollowerTimeout must be more than 0 and at most 00:01:00.")
            .ValidateOnStart();

        services.AddSingleton<HubGroups>();
        // Metrics are optional: reported when the host registered them, silent otherwise.
        services.AddSingleton(sp => new HubConnectionEvents(sp.GetService<DashboardMetrics>()));
        services.AddSingleton(sp => new HubBroadcastSettings(
            sp.GetRequiredService<IHubContext<CandleHub>>(),
            sp.GetRequiredService<HubGroups>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CandleHub>>(),
            sp.GetService<DashboardMetrics>(),
            sp.GetRequiredService<IOptions<CandleHubOptions>>().Value.SlowFollowerTimeout));
        // One registry per kind for all venues: each key names its venue, whose stream and calculators
        // its broadcaster reads, and a connection's cap counts its keys on every venue.
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<HubBroadcastSettings>();
            HubSubscriptionRegistry<VenueKey<Series>>? registry = null;
            registry = new HubSubscriptionRegistry<VenueKey<Series>>(series => new SeriesBroadcaster(series, () => registry!.FollowersOf(series), settings));
            return registry;
        });
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<HubBroadcastSettings>();
            HubSubscriptionRegistry<VenueKey<IndicatorKey>>? registry = null;

            // Opened under the registry's lock, so without waiting: CandleHub.SubscribeIndicator holds a
            // lease while it adds, which keeps the calculator running for TryAcquireRunning.
            registry = new HubSubscriptionRegistry<VenueKey<IndicatorKey>>(key => new IndicatorBroadcaster(
                key,
                key.Venue.Indicators.TryAcquireRunning(key.Key) ?? throw new InvalidOperationException($"{key} is not running."),
                () => registry!.FollowersOf(key),
                settings));
            return registry;
        });
        services.AddHostedService<DataUpdatedRelay>();
        return builder;
    }

    public static WebApplication MapCandleHub(this WebApplication app)
    {
        app.UseMiddleware<NegotiateCapMiddleware>();
        app.MapHub<CandleHub>(CandleHub.Path);
        return app;
    }
}
