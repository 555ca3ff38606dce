using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Simulator.Tests.Support;

/// <summary>Moves a fake clock forward in small steps until a condition holds, with a real-time deadline.</summary>
internal static class FakeClock
{
    public static async Task AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> condition, TimeSpan? step = null, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out advancing the fake clock");
            clock.Advance(step ?? TimeSpan.FromMilliseconds(50));
            await Task.Delay(2); // let the sources' continuations run on the thread pool
        }
    }

    /// <summary>Advances to <paramref name="target"/> in steps, so the walk never skips a stall.</summary>
    public static Task AdvanceToAsync(FakeTimeProvider clock, DateTimeOffset target, TimeSpan? step = null) =>
        AdvanceUntilAsync(clock, () => clock.GetUtcNow() >= target, step, TimeSpan.FromSeconds(60));
}
