using System.Diagnostics;

namespace CandleDashboard.Tests.Shared;

/// <summary>
/// Poll until a condition holds or a deadline passes, failing with the last observed value:
/// the replacement for a sleep wherever no event can be awaited.
/// </summary>
public static class Eventually
{
    public static async Task<T> ReachesAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan deadline, string what)
    {
        var watch = Stopwatch.StartNew();
        var value = await probe();
        while (!condition(value))
        {
            if (watch.Elapsed > deadline)
            {
                throw new TimeoutException($"{what}: still {value} after {deadline.TotalSeconds:0} s");
            }

            await Task.Delay(50);
            value = await probe();
        }

        return value;
    }

    public static Task<T> ReachesAsync<T>(Func<T> probe, Func<T, bool> condition, TimeSpan deadline, string what) =>
        ReachesAsync(() => Task.FromResult(probe()), condition, deadline, what);

    public static Task HoldsAsync(Func<bool> condition, TimeSpan deadline, string what) =>
        ReachesAsync(condition, holds => holds, deadline, what);
}
