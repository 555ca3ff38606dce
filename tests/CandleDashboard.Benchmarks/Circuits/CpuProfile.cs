using System.Diagnostics;
using System.Globalization;

namespace CandleDashboard.Benchmarks.Circuits;

/// <summary>
/// A CPU-sampling trace of the app over one window, by dotnet-trace (a .NET tool, not a package of
/// this solution: <c>dotnet tool install --tool-path DIR dotnet-trace</c> and put DIR on PATH). The
/// trace goes to a .nettrace file; <c>dotnet-trace report FILE topN</c> lists where the time went.
/// </summary>
public static class CpuProfile
{
    public static Process Start(int pid, TimeSpan duration, string output)
    {
        var start = new ProcessStartInfo("dotnet-trace") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time",
                     "--duration", duration.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture), "-o", output])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet-trace did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (!string.IsNullOrEmpty(e.Data)) Console.Error.WriteLine($"  [trace] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
