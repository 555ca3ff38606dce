using System.Collections.Concurrent;
using CandleDashboard.Benchmarks.Latency;
using CandleDashboard.Simulator;

namespace CandleDashboard.Benchmarks.Circuits;

/// <summary>
/// <c>circuits [viewers…]</c>: the capacity curve of one instance (issue 12 point 3). The simulator
/// runs in this process at 20 trades/s per symbol; the app runs as its own process (Release build)
/// against it; emulated viewers spread over 4 symbols × 8 intervals are added step by step, and at
/// each step, after the new viewers have drawn and a settling pause, one window measures the app's
/// CPU and resident memory (/proc), this harness's CPU, and the viewers' updates per second and delays.
/// Stops after the first step past the knee: a p99 delay over 250 ms or viewers getting under 90 % of
/// the updates the first step got.
/// </summary>
public static class CircuitLoadHarness
{
    public const int TradesPerSecond = 20;
    public const double DelayP99GoalMs = 250;
    public static readonly int[] DefaultSteps = [25, 50, 100, 200, 400, 800, 1000];

    // The app's caps per client address, raised: every emulated viewer comes from 127.0.0.1.
    private const int CapPerAddress = 100_000;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(IReadOnlyList<int> steps, TimeSpan window, string? profileFile = null)
    {
        var clock = WallClock.Start();
        await using var exchange = await ExchangeSimulator.StartAsync(new SimulatorOptions { TradesPerSecondPerSymbol = TradesPerSecond });
        var trades = new ConcurrentQueue<PublishedTrade>();
        exchange.TradePublished += trades.Enqueue;

        await using var app = await AppProcess.StartAsync(exchange, CapPerAddress);
        await Task.Delay(Settle); // the idle app's memory settles after start-up (buffers, JIT)
        var idle = ProcessSample.Of(app.Id);
        Console.WriteLine($"idle app: {idle.ResidentBytes / 1048576.0:0} MB resident; simulator {TradesPerSecond} trades/s per symbol, {ViewerMix.Dashboard.Symbols.Count} symbols; window {window.TotalSeconds:0} s");
        Console.WriteLine(CapacityStep.Header);

        await using var fleet = new ViewerFleet(app.Address, ViewerMix.Dashboard, clock);
        CapacityStep? previous = null;
        CapacityStep? firstStep = null;
        foreach (var viewers in steps)
        {
            try
            {
                await fleet.GrowToAsync(viewers, CancellationToken.None);
            }
            catch (Exception ex)
            {
                Console.WriteLine($"{viewers}: viewers could not all open ({ex.GetType().Name}: {ex.Message}); the knee is below");
                return 1;
            }

            // Part of the measurement, not a wait for a condition: the app's work for the newest viewers'
            // opening (history, scroll-back page, JIT of new paths, GC growth) fades out before the window.
            await Task.Delay(Settle);
            using var profile = profileFile is not null && viewers == steps[^1] ? CpuProfile.Start(app.Id, window, profileFile) : null;
            var step = await MeasureAsync(fleet, app, trades, clock, window);
            if (profile is not null)
            {
                await profile.WaitForExitAsync();
                Console.WriteLine($"CPU trace of the app at {viewers} viewers: {profileFile} (dotnet-trace report {profileFile} topN)");
            }

            Console.WriteLine(step.Row(idle, previous));
            var first = firstStep ??= step;
            previous = step;
            if (step.Load.Delay.P99 > DelayP99GoalMs || step.Load.MeanUpdatesPerSecond < 0.9 * first.Load.MeanUpdatesPerSecond)
            {
                Console.WriteLine($"knee reached at {viewers} viewers");
                break;
            }
        }

        return 0;
    }

    private static async Task<CapacityStep> MeasureAsync(ViewerFleet fleet, AppProcess app, ConcurrentQueue<PublishedTrade> trades, WallClock clock, TimeSpan window)
    {
        var appBefore = ProcessSample.Of(app.Id);
        var harnessBefore = ProcessSample.Of(Environment.ProcessId);
        var from = clock.NowMs();
        await Task.Delay(window); // the measurement window itself
        var to = clock.NowMs();
        var appAfter = ProcessSample.Of(app.Id);
        var harnessAfter = ProcessSample.Of(Environment.ProcessId);
        var load = LoadWindow.Of(fleet.Viewers, trades.ToArray(), clock, from, to);
        return new CapacityStep(load, appAfter.CpuPercentSince(appBefore), harnessAfter.CpuPercentSince(harnessBefore), appAfter.ResidentBytes);
    }
}
