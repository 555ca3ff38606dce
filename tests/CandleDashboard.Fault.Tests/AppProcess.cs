using System.Diagnostics;
using CandleDashboard.Tests.Shared.Servers;

namespace CandleDashboard.Fault.Tests;

/// <summary>The built app (src/CandleDashboard.Web's output) as a child process, for faults only a process has (SIGKILL).</summary>
public static class AppProcess
{
    public static Process Start(string[] args, out Uri baseAddress)
    {
        var port = RedisServer.FreeLoopbackPort();
        baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppDirectory(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppDirectory(), "CandleDashboard.Web.dll"));
        foreach (var arg in args.Where(a => !a.StartsWith("--urls=", StringComparison.Ordinal)))
        {
            info.ArgumentList.Add(arg);
        }

        info.ArgumentList.Add($"--urls={baseAddress}");
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { }; // drained, so a chatty app never blocks on a full pipe
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task WaitUntilAnsweringAsync(Uri baseAddress, TimeSpan deadline)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (watch.Elapsed > deadline)
            {
                throw new TimeoutException($"the app at {baseAddress} did not answer within {deadline.TotalSeconds:0} s");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>src/CandleDashboard.Web/bin/&lt;configuration&gt;/net10.0, found from the test binaries' own path.</summary>
    private static string AppDirectory()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory); // tests/CandleDashboard.Fault.Tests/bin/<config>/net10.0/
        var framework = tests.Name;
        var configuration = tests.Parent!.Name;
        var root = tests.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var app = Path.Combine(root, "src", "CandleDashboard.Web", "bin", configuration, framework);
        return File.Exists(Path.Combine(app, "CandleDashboard.Web.dll"))
            ? app
            : throw new FileNotFoundException($"Build the solution first: {app}/CandleDashboard.Web.dll is missing.");
    }
}
