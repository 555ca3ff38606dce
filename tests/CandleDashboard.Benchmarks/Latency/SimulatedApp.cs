using CandleDashboard.Simulator;
using CandleDashboard.Web.Hosting;
using Microsoft.AspNetCore.Builder;

namespace CandleDashboard.Benchmarks.Latency;

/// <summary>The real app on a free loopback port, talking Binance protocol to a harness's own simulator.</summary>
public static class SimulatedApp
{
    /// <summary>Builds and starts it; <paramref name="extra"/> adds settings (the last value of a key wins).</summary>
    public static async Task<WebApplication> StartAsync(ExchangeSimulator exchange, params string[] extra)
    {
        var app = await DashboardHost.BuildAsync(
        [
            "--urls=http://127.0.0.1:0",
            "--environment=Production",
            "--Exchange:Mode=Binance",
            $"--Exchange:Binance:RestBaseUri={exchange.RestBaseUri}",
            $"--Exchange:Binance:WebSocketBaseUri={exchange.WebSocketBaseUri}",
            "--Logging:LogLevel:Default=Warning",
            .. extra,
        ]);
        await app.StartAsync();
        return app;
    }
}
