using CandleDashboard.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CandleDashboard.Integration.Tests;

/// <summary>One running instance of the real app (the same DashboardHost as Program), stopped on dispose.</summary>
public sealed class AppInstance : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AppInstance(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    /// <summary>Where Kestrel listens (the port is chosen at start), ending in a slash.</summary>
    public Uri BaseAddress
    {
        get
        {
            var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }

    public static async Task<AppInstance> StartAsync(string[] args, Action<WebApplicationBuilder>? overrideServices = null)
    {
        var app = await DashboardHost.BuildAsync(args, overrideServices);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new AppInstance(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
