using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace CandleDashboard.Hub.Tests;

/// <summary>
/// Hub fan-out: 1,000 connections on one series at ~10 updates/s each (load/fanout.mjs), with the
/// server's memory read in-process before connecting and once all are subscribed. Measures and
/// prints; asserts only that the run worked. Run by hand (tests/hub-client/README.md).
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class FanoutBenchmark(ITestOutputHelper output)
{
    private const int Connections = 1000;

    [Fact]
    public async Task Thousand_connections_on_one_series()
    {
        // 200 trades/s keeps every 100 ms coalescing window busy, so the series publishes ~10 updates/s.
        // All 1,000 clients come from loopback, hence the per-address cap raised above them.
        await using var app = await HubApp.StartAsync("--Exchange:Simulator:TradesPerSecondPerSymbol=200", $"--Hub:MaxConnectionsPerAddress={Connections + 100}");
        var before = Memory.Read();
        var baseline = app.Stream.SubscriptionCount;
        Memory? connected = null;
        var coreSubscriptionsWhileConnected = -1;

        var run = await NodeRun.RunAsync(
            new Dictionary<string, string>
            {
                ["HUB_URL"] = app.HubUrl,
                ["CONNECTIONS"] = Connections.ToString(),
                ["DURATION_S"] = Environment.GetEnvironmentVariable("DURATION_S") ?? "30",
                ["HANDSHAKE"] = "1",
            },
            TimeSpan.FromMinutes(3),
            (line, stdin) =>
            {
                if (line.StartsWith("READY", StringComparison.Ordinal))
                {
                    connected = Memory.Read();
                    coreSubscriptionsWhileConnected = app.Stream.SubscriptionCount;
                    stdin.WriteLine("GO");
                    stdin.Flush();
                }
            },
            "load/fanout.mjs");

        output.WriteLine(run.Output);
        Assert.Equal(0, run.ExitCode);
        var result = run.Output.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal))["RESULT ".Length..];
        using var json = JsonDocument.Parse(result);
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetInt32());
        Assert.NotNull(connected);
        Assert.Equal(baseline + 1, coreSubscriptionsWhileConnected); // one core subscription for 1,000 followers

        var heapPerConnection = (connected.Value.GcHeap - before.GcHeap) / (double)Connections;
        var workingSetPerConnection = (connected.Value.WorkingSet - before.WorkingSet) / (double)Connections;
        output.WriteLine(
            $"MEMORY gcHeap {before.GcHeap / 1048576.0:F1} -> {connected.Value.GcHeap / 1048576.0:F1} MiB ({heapPerConnection / 1024:F1} KiB/connection); " +
            $"workingSet {before.WorkingSet / 1048576.0:F1} -> {connected.Value.WorkingSet / 1048576.0:F1} MiB ({workingSetPerConnection / 1024:F1} KiB/connection)");
    }

    private readonly record struct Memory(long GcHeap, long WorkingSet)
    {
        /// <summary>After a full collection, so the heap is what is live, not what is waiting for a GC.</summary>
        public static Memory Read()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            return new Memory(GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
        }
    }
}
