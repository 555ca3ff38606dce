using System.Diagnostics;

namespace CandleDashboard.Web.Tests.Infrastructure;

/// <summary>
/// Poll-until-deadline for conditions outside the browser (server counters). Re-checks on a short
/// interval and fails with the last observed value; never a fixed sleep standing in for a wait.
/// </summary>
public static class Eventually
{
    public static async Task<T> ReachesAsync<T>(Func<T> probe, Func<T, bool> condition, TimeSpan deadline, string what)
    {
        var watch = Stopwatch.StartNew();
        var value = probe();
        while (!condition(value))
        {
            if (watch.Elapsed > deadline)
            {
                throw new TimeoutException($"{what}: still {value} after {deadline.TotalSeconds:0} s");
            }

            await Task.Delay(50);
            value = probe();
        }

        return value;
    }
}
