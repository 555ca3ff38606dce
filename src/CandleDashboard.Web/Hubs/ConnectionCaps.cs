using System.Net;
using CandleDashboard.Web.Security;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Hubs;

/// <summary>
/// The per-address caps of the app's two SignalR endpoints: the public hub's connections
/// (<c>Hub:MaxConnectionsPerAddress</c>) and the Blazor circuits' connections, one per connected
/// chart tab (<c>Circuits:MaxPerAddress</c>). Enforced by <see cref="AddressCapHubFilter"/> when a
/// connection opens; checked earlier, with a clearer answer, at the hub's negotiate
/// (<see cref="NegotiateCapMiddleware"/>: 429 ProblemDetails) and at the page request (a friendly page).
/// </summary>
public sealed class ConnectionCaps(IOptions<CandleHubOptions> hub, IOptions<CircuitLimitOptions> circuits)
{
    public AddressCap Hub { get; } = new(
        hub.Value.MaxConnectionsPerAddress,
        $"Too many connections: at most {hub.Value.MaxConnectionsPerAddress} hub connections per client address. Close one first.");

    public AddressCap Circuits { get; } = new(
        circuits.Value.MaxPerAddress,
        $"Too many open charts from your network: at most {circuits.Value.MaxPerAddress} at once. Close a chart tab, then reload this page.");

    public static string KeyOf(IPAddress? address) => ClientPartitionKey.For(address);
}
