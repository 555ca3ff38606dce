using CandleDashboard.Tests.Shared;
using Microsoft.AspNetCore.Builder;

namespace CandleDashboard.Hub.Tests;

/// <summary>
/// The real app for a test class or collection of .NET client tests. Started once and shared:
/// each start spins up the simulator and the fetcher's backfill, so tests reuse it and each
/// closes the connections it opened.
/// </summary>
public class HubAppFixture : IAsyncLifetime
{
    private readonly string[] _args;
    private HubApp? _app;

    public HubAppFixture()
        : this([])
    {
    }

    protected HubAppFixture(params string[] args) => _args = args;

    /// <summary>Changes to the app's services after its own; none by default.</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    public HubApp App => _app ?? throw new InvalidOperationException("The app has not started.");

    public Task<HubClient> ConnectAsync() => HubClient.ConnectAsync(App.HubUrl);

    /// <summary>Core subscriptions the app holds by itself, counted before any hub client connected.</summary>
    public int CoreBaseline { get; private set; }

    /// <summary>
    /// Waits until the connections of earlier tests are gone and their core subscriptions released
    /// (the server cleans up after the client has left; the registry lets go of a series just
    /// before the core subscription is disposed, so both are waited for).
    /// </summary>
    public Task IdleAsync() =>
        Eventually.ReachesAsync(
            () => (App.Connections.OpenConnections, App.Registry.OpenSeriesCount, CoreSubscriptions: App.Stream.SubscriptionCount),
            now => now == (0, 0, CoreBaseline),
            TimeSpan.FromSeconds(10),
            $"no hub connection, followed series or core subscription beyond the app's own {CoreBaseline} left from earlier tests");

    public async Task InitializeAsync()
    {
        _app = await HubApp.StartAsync(Configure, _args);
        CoreBaseline = _app.Stream.SubscriptionCount;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
