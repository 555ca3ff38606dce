namespace CandleDashboard.Web.Tests.Infrastructure;

/// <summary>
/// Binance mode pointed at a loopback port nobody listens on: an exchange outage, without
/// leaving the machine.
/// </summary>
public sealed class UnreachableExchangeServer : DashboardServer
{
    protected override IEnumerable<string> ExtraArgs =>
    [
        "--Exchange:Mode=Binance",
        $"--Exchange:Binance:RestBaseUri=http://127.0.0.1:{ClosedPort}",
        $"--Exchange:Binance:WebSocketBaseUri=ws://127.0.0.1:{ClosedPort}",
        "--Exchange:Binance:ReconnectInitialDelay=00:00:00.200",
        "--Exchange:Binance:ReconnectMaxDelay=00:00:01",
        "--Exchange:Binance:RestTimeout=00:00:03",
    ];

    // Bound and released: nothing listens there for the rest of the run (good enough on loopback).
    private static readonly int ClosedPort = FindClosedPort();

    private static int FindClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
