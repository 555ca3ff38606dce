using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CandleDashboard.Web.Metrics;

/// <summary>Counts open Blazor circuits; one instance per circuit (scoped), so open and close pair up.</summary>
public sealed class CircuitMetricsHandler(DashboardMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
