using Microsoft.Extensions.Hosting;

namespace CandleDashboard.Simulator;

/// <summary>
/// Host lifetime for the simulator's inner web host. The default console lifetime would take over
/// Ctrl+C and SIGTERM of whatever process hosts the simulator (the web app, a test runner) and stop
/// only this inner host; the simulator is stopped by disposing it instead, and the process decides
/// about signals itself.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
