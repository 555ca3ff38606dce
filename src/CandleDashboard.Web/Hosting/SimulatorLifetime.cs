using CandleDashboard.Simulator;

namespace CandleDashboard.Web.Hosting;

/// <summary>
/// Owns the in-process simulator's shutdown. (A singleton registered as an instance is not
/// disposed by the container, so without this the simulator's port would outlive the app.)
/// </summary>
internal sealed class SimulatorLifetime(ExchangeSimulator simulator, ILogger<SimulatorLifetime> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Exchange simulator listening on {RestBaseUri} (REST) and {WebSocketBaseUri} (streams)",
            simulator.RestBaseUri, simulator.WebSocketBaseUri);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await simulator.DisposeAsync();
}
