using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Hosting;
using CandleDashboard.Web.Hubs;
using CandleDashboard.Web.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Hub.Tests;

/// <summary>
/// The real app (the same DashboardHost as Program) on a free loopback port, zero-config: the
/// in-process exchange simulator and in-memory stores start by themselves.
/// </summary>
public sealed class HubApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HubApp(WebApplication app)
    {
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        HubUrl = address.TrimEnd('/') + CandleHub.Path;
    }

    public string HubUrl { get; }

    public IServiceProvider Services => _app.Services;

    public ILiveCandleStream Stream => Venue().Live;

    /// <summary>A venue of the app by id (<c>kraken</c>); null: the default one (Binance).</summary>
    public Venue Venue(string? id = null) => Services.GetRequiredService<VenueDirectory>().Get(id);

    public HubSubscriptionRegistry<VenueKey<Series>> Registry => Services.GetRequiredService<HubSubscriptionRegistry<VenueKey<Series>>>();

    public HubConnectionEvents Connections => Services.GetRequiredService<HubConnectionEvents>();

    public DashboardMetrics Metrics => Services.GetRequiredService<DashboardMetrics>();

    /// <summary>Hub connections the server dropped because they stopped reading.</summary>
    public long SlowFollowersDropped => Connections.SlowFollowersDropped;

    public static Task<HubApp> StartAsync(params string[] extraArgs) => StartAsync(null, extraArgs);

    /// <param name="configure">Changes to the app's services after its own (e.g. the listen socket's options).</param>
    public static async Task<HubApp> StartAsync(Action<WebApplicationBuilder>? configure, params string[] extraArgs)
    {
        var app = await DashboardHost.BuildAsync(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. extraArgs], configure);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new HubApp(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
