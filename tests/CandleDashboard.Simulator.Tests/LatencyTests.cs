using System.Collections.Concurrent;
using System.Diagnostics;
using CandleDashboard.Simulator.Tests.Support;
using Xunit.Abstractions;

namespace CandleDashboard.Simulator.Tests;

/// <summary>
/// How long the simulator itself takes from queuing a trade (<see cref="PublishedTrade.SentTimestamp"/>) to a
/// loopback client having the frame: the floor under any end-to-end latency the dashboard measures.
/// </summary>
[Collection(nameof(BurstTests))]
public sealed class LatencyTests(ITestOutputHelper output)
{
    [Trait("Category", "Benchmark")]
    [Fact]
    public async Task Sent_timestamps_match_the_streamed_trades_and_loopback_delivery_is_fast()
    {
        await using var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions { Symbols = ["BTCUSDT"], TradesPerSecondPerSymbol = 200 });
        var sent = new ConcurrentDictionary<long, long>();
        simulator.TradePublished += t => sent[t.TradeId] = t.SentTimestamp;
        await using var client = await StreamClient.ConnectAsync(new Uri(simulator.WebSocketBaseUri, "/ws/btcusdt@trade"));

        var latencies = new List<double>();
        while (latencies.Count < 300)
        {
            var trade = (await client.ReceiveAsync())!.Value;
            var received = Stopwatch.GetTimestamp();
            var id = trade.GetProperty("t").GetInt64();
            await Eventually.HoldsAsync(() => sent.ContainsKey(id), TimeSpan.FromSeconds(5), $"TradePublished for {id}");
            latencies.Add(Stopwatch.GetElapsedTime(sent[id], received).TotalMilliseconds);
        }

        latencies.Sort();
        double P(double q) => latencies[(int)(q * (latencies.Count - 1))];
        output.WriteLine($"queue→client over loopback, 300 trades at 200/s: p50 {P(0.5):0.00} ms, p99 {P(0.99):0.00} ms, max {latencies[^1]:0.00} ms");
        Assert.True(P(0.5) < 50, $"p50 {P(0.5):0.00} ms");
    }
}
