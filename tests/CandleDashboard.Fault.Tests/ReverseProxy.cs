using System.Diagnostics;
using System.Net.Sockets;
using CandleDashboard.Tests.Shared.Servers;

namespace CandleDashboard.Fault.Tests;

/// <summary>
/// haproxy (Debian's, installed by test.sh) with the repository's own configuration, deploy/haproxy/haproxy.cfg,
/// in front of two app instances on loopback: the proxy docker-compose.yml runs, tested as it ships.
/// </summary>
public sealed class ReverseProxy : IDisposable
{
    private readonly Process _process;

    private ReverseProxy(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ReverseProxy> StartAsync(Uri app1, Uri app2)
    {
        var port = RedisServer.FreeLoopbackPort();
        var info = new ProcessStartInfo(Binary()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-db", "-f", Configuration() })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["APP1"] = $"{app1.Host}:{app1.Port}";
        info.Environment["APP2"] = $"{app2.Host}:{app2.Port}";
        info.Environment["PROXY_BIND"] = $"127.0.0.1:{port}";
        var process = Process.Start(info) ?? throw new InvalidOperationException("haproxy did not start");
        process.OutputDataReceived += (_, _) => { }; // drained: its access log must never block it
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var proxy = new ReverseProxy(process, new Uri($"http://127.0.0.1:{port}/"));
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return proxy;
            }
            catch (SocketException) when (watch.Elapsed < TimeSpan.FromSeconds(10) && !process.HasExited)
            {
                await Task.Delay(50); // poll until haproxy listens
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static string Binary() =>
        new[] { "/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy" }.FirstOrDefault(File.Exists)
        ?? throw new FileNotFoundException("haproxy is not installed (test.sh installs it).");

    private static string Configuration()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CandleDashboard.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("repository root"), "deploy", "haproxy", "haproxy.cfg");
    }
}
