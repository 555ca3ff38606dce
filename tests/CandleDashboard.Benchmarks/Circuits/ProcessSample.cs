using System.Globalization;

namespace CandleDashboard.Benchmarks.Circuits;

/// <summary>
/// A process's CPU time (user + system) and resident memory at one moment, read from /proc; two
/// samples give the CPU share in between (100 % = one core busy).
/// </summary>
public readonly record struct ProcessSample(DateTime At, TimeSpan CpuTime, long ResidentBytes)
{
    // USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on Linux for x86-64.
    private const double TicksPerSecond = 100;

    public static ProcessSample Of(int pid)
    {
        // Fields after the command name (which may contain spaces, hence the last ')'): utime is field 14, stime 15.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var rss = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(rss["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return new ProcessSample(DateTime.UtcNow, TimeSpan.FromSeconds(ticks / TicksPerSecond), kilobytes * 1024);
    }

    /// <summary>CPU share between <paramref name="earlier"/> and this sample, in % of one core.</summary>
    public double CpuPercentSince(ProcessSample earlier) => 100 * (CpuTime - earlier.CpuTime).TotalSeconds / (At - earlier.At).TotalSeconds;
}
