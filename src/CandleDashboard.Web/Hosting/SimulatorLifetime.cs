using CandleDashboard.Simulator;

namespace CandleDashboard.Web.Hosting;

/// <summary>
/// Owns the in-process simulator's shutdown. (A singleton registered as an instance is not
/// disposed by the container, so without this the simulator's port would outlive the app.) It
/// stops once the host has stopped every hosted service, so the trade feed always disconnects
/// first, independent of registration order.
/// </summary>
internal sealed class SimulatorLifetime(ExchangeSimulator simulator, IHostApplicationLifetime lifetime, ILogger<SimulatorLifetime> logger) : IHostedService
{
    private CancellationTokenRegistration _stopped;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Exchange simulator listening on {RestBaseUri} (REST) and {WebSocketBaseUri} (streams)",
            simulator.RestBaseUri, simulator.WebSocketBaseUri);
        _stopped = lifetime.ApplicationStopped.Register(() => simulator.DisposeAsync().AsTask().GetAwaiter().GetResult());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
