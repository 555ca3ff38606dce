using CandleDashboard.Tests.Shared;

namespace CandleDashboard.Fault.Tests;

/// <summary>
/// The app as its own process, killed with SIGKILL (no shutdown, no flush) at random moments while it
/// commits its first backfill, and started again each time. Nothing it had committed may be half
/// there, and nothing it had not committed may stay missing: the restarted app continues from the
/// stores and the reconciler fills what a kill cut off.
/// </summary>
public sealed class ProcessKillTests(FaultFixture stores) : IClassFixture<FaultFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Killed_mid_commit_again_and_again_the_app_restarts_with_no_hole_and_no_wrong_candle()
    {
        var kills = Soak.Count(4, 20);
        await using var exchange = await FaultFixture.StartExchangeAsync();
        var postgres = await stores.FreshStoresAsync();
        var random = new Random(20261202);
        for (var kill = 0; kill < kills; kill++)
        {
            using var process = AppProcess.Start(stores.AppArgs(exchange, postgres), out var baseAddress);
            await AppProcess.WaitUntilAnsweringAsync(baseAddress, Patience);

            // Somewhere inside the first backfill or a fetcher run right after it.
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(50, 1500)));
            process.Kill(); // SIGKILL on Linux: no shutdown hook runs
            await process.WaitForExitAsync();
        }

        using (var last = AppProcess.Start(stores.AppArgs(exchange, postgres), out var baseAddress))
        {
            await AppProcess.WaitUntilAnsweringAsync(baseAddress, Patience);
            await using var health = new HealthWatch(baseAddress);
            await StoreCheck.AssertBothStoresContiguousAsync(postgres, stores.Redis.ConnectionString, buckets: 40, Patience);

            await InvariantCheck.AssertCleanAsync(baseAddress, exchange.RestBaseUri);
            health.AssertAnsweredThroughout(atLeastProbes: 1); // the checks pass quickly once the stores are whole
            last.Kill();
        }
    }
}
