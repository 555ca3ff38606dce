using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CandleDashboard.Simulator;

namespace CandleDashboard.Benchmarks.Circuits;

/// <summary>
/// The built Web project (Release) as a process of its own, talking Binance protocol to the harness's
/// simulator, so its CPU time and memory are its own and not the harness's. Started with the same
/// settings as <see cref="Latency.SimulatedApp"/>, plus the per-address caps raised: every emulated
/// viewer comes from 127.0.0.1, which the app would otherwise refuse past 20.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public static async Task<AppProcess> StartAsync(ExchangeSimulator exchange, int capPerAddress, params string[] extra)
    {
        var dll = BuiltWebApp();
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[
            dll,
            $"--urls={address.ToString().TrimEnd('/')}",
            "--environment=Production",
            "--Exchange:Mode=Binance",
            $"--Exchange:Binance:RestBaseUri={exchange.RestBaseUri}",
            $"--Exchange:Binance:WebSocketBaseUri={exchange.WebSocketBaseUri}",
            "--Logging:LogLevel:Default=Warning",
            $"--Circuits:MaxPerAddress={capPerAddress}",
            $"--Hub:MaxConnectionsPerAddress={capPerAddress}",
            .. extra])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Echo(e.Data);
        process.ErrorDataReceived += (_, e) => Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, address);
        await app.WhenReadyAsync();
        return app;
    }

    // Polls /readyz until the app answers 200 (buffers loaded, feed live) or the deadline passes.
    private async Task WhenReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartDeadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} while starting.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Address, "readyz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200); // poll interval
        }

        throw new TimeoutException($"The app at {Address} was not ready within {StartDeadline.TotalSeconds:0} s.");
    }

    // The app's own output at Warning and above, prefixed so it stands apart from the harness's.
    private static void Echo(string? line)
    {
        if (!string.IsNullOrEmpty(line))
        {
            Console.Error.WriteLine($"  [app] {line}");
        }
    }

    private static string BuiltWebApp()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CandleDashboard.sln")))
        {
            directory = directory.Parent;
        }

        var dll = Path.Combine(directory?.FullName ?? ".", "src", "CandleDashboard.Web", "bin", "Release", "net10.0", "CandleDashboard.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the app first: dotnet build -c Release", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
