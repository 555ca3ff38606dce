using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Storage;
using CandleDashboard.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Tests.Infrastructure;

/// <summary>
/// The real app (same DashboardHost as Program) on a free loopback port, with its in-process
/// exchange simulator. WebApplicationFactory's TestServer has no socket a browser could reach,
/// so the app is started as a WebApplication bound to http://127.0.0.1:0 and asked for its port.
/// </summary>
public class DashboardServer : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    /// <summary>Open chart subscriptions, straight from the app's live feed.</summary>
    public int SubscriptionCount => Services.GetRequiredService<VenueDirectory>().Default.Live.SubscriptionCount;

    /// <summary>The app's data_updated bus (in-memory, as in the zero-config run), counting its handlers.</summary>
    public CountingDataUpdatedBus DataUpdatedBus { get; } = new();

    /// <summary>Configuration on top of the defaults, as command-line arguments.</summary>
    protected virtual IEnumerable<string> ExtraArgs => [];

    public async Task InitializeAsync()
    {
        _app = await DashboardHost.BuildAsync(
        [
            .. ExtraArgs,
            "--urls=http://127.0.0.1:0",
            "--environment=Production",
            // A busy market, so candles change visibly within a test's patience.
            "--Exchange:Simulator:TradesPerSecondPerSymbol=40",
            // A closed tab normally sends a disconnect beacon; when the browser drops it, the circuit
            // (and its subscription) would wait 3 minutes for a reconnect. Keep that short here.
            "--Blazor:Circuit:DisconnectedCircuitRetentionPeriod=00:00:03",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:CandleDashboard=Warning",
        ],
        // Swapped for the app's in-memory bus, so it is the one everything uses.
        builder => builder.Services.Replace(ServiceDescriptor.Singleton<IDataUpdatedBus>(DataUpdatedBus)));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public Uri Url(string relative) => new(BaseAddress, relative.TrimStart('/'));

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
