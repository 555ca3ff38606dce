using System.Diagnostics;
using CandleDashboard.Simulator.Tests.Support;
using Xunit.Abstractions;

namespace CandleDashboard.Simulator.Tests;

/// <summary>
/// Burst mode is a measured promise: at least 5,000 trades a second in total, also as received by a client.
/// It runs alone (not beside the other test classes) so that what it measures is the simulator, not the test load.
/// </summary>
[Collection(nameof(BurstTests))]
public sealed class BurstTests(ITestOutputHelper output)
{
    [Trait("Category", "Benchmark")]
    [Fact]
    public async Task Burst_mode_sustains_at_least_5000_trades_per_second()
    {
        await using var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions { Burst = true });
        long published = 0;
        simulator.TradePublished += _ => Interlocked.Increment(ref published);
        await using var client = await StreamClient.ConnectAsync(
            new Uri(simulator.WebSocketBaseUri, "/stream?streams=btcusdt@trade/ethusdt@trade/solusdt@trade/bnbusdt@trade"));

        // Warm up until frames flow, then count both sides over a fixed two-second window.
        Assert.NotNull(await client.ReceiveAsync());
        var window = TimeSpan.FromSeconds(2);
        var publishedAtStart = Interlocked.Read(ref published);
        var clock = Stopwatch.StartNew();
        var received = 0;
        while (clock.Elapsed < window)
        {
            Assert.NotNull(await client.ReceiveAsync());
            received++;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var publishedRate = (Interlocked.Read(ref published) - publishedAtStart) / seconds;
        var receivedRate = received / seconds;
        output.WriteLine($"burst: published {publishedRate:0} trades/s, one combined client received {receivedRate:0} frames/s");
        Assert.True(publishedRate >= 5_000, $"published {publishedRate:0}/s");
        Assert.True(receivedRate >= 5_000, $"received {receivedRate:0}/s");
    }
}

[CollectionDefinition(nameof(BurstTests), DisableParallelization = true)]
public sealed class BurstTestsCollection;
