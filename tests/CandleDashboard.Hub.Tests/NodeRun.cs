using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace CandleDashboard.Hub.Tests;

/// <summary>
/// Runs Node scripts in tests/hub-client (the official @microsoft/signalr client, a second client
/// next to the .NET one), installing its packages once with <c>npm ci</c> when missing.
/// </summary>
public sealed partial record NodeRun(int ExitCode, string Output)
{
    public static string ClientDirectory { get; } = Path.Combine(RepoRoot(), "tests", "hub-client");

    /// <summary>node --test's TAP summary line, e.g. <c># pass 10</c>; -1 when absent.</summary>
    public int Count(string kind)
    {
        var match = Regex.Match(Output, $@"^# {kind} (\d+)$", RegexOptions.Multiline);
        return match.Success ? int.Parse(match.Groups[1].Value) : -1;
    }

    public static async Task<NodeRun> RunAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout, Action<string, TextWriter>? onLine = null, params string[] args)
    {
        await EnsurePackagesAsync();
        return await ExecAsync("node", args, environment, timeout, onLine);
    }

    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    private static async Task EnsurePackagesAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(ClientDirectory, "node_modules", "@microsoft", "signalr")))
            {
                return;
            }

            var install = await ExecAsync("npm", ["ci", "--no-audit", "--no-fund"], new Dictionary<string, string>(), TimeSpan.FromMinutes(3), null);
            if (install.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci failed in {ClientDirectory}:\n{install.Output}");
            }
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task<NodeRun> ExecAsync(string file, string[] args, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, Action<string, TextWriter>? onLine)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = ClientDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // lets a harness answer a script's handshake (load/fanout.mjs)
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            onLine?.Invoke(line, process.StandardInput);
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Append($"[killed after {timeout}]");
        }

        process.WaitForExit(); // drains the redirected streams
        lock (output)
        {
            return new NodeRun(process.ExitCode, output.ToString());
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CandleDashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CandleDashboard.sln not found above " + AppContext.BaseDirectory);
    }
}
