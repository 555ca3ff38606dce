using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CandleDashboard.Tests.Shared.Servers;

/// <summary>
/// A throwaway PostgreSQL cluster for tests: initdb in a temp dir, started on a free loopback port
/// with trust authentication (no credential exists anywhere), removed on dispose. BCL only, so any
/// test project can link this file; readiness is <c>pg_isready</c> polled with a deadline.
/// <see cref="StopAsync"/> and <see cref="StartAsync()"/> take the same cluster down and up again on
/// the same port, for outage tests. Binaries: <c>POSTGRES_BIN</c>, else the newest
/// <c>/usr/lib/postgresql/*/bin</c>, else <c>PATH</c>. As root (CI containers) every server command
/// runs as the <c>postgres</c> user through runuser, because initdb and postgres refuse root.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CommandDeadline = TimeSpan.FromSeconds(60);

    private readonly string _binDirectory;
    private readonly bool _runAsPostgresUser;
    private bool _disposed;

    private PostgresServer(string binDirectory, string rootDirectory, bool runAsPostgresUser)
    {
        _binDirectory = binDirectory;
        RootDirectory = rootDirectory;
        _runAsPostgresUser = runAsPostgresUser;
    }

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    /// <summary>Temp dir holding the cluster (data/), its unix socket and its log (server.log).</summary>
    public string RootDirectory { get; }

    private string DataDirectory => Path.Combine(RootDirectory, "data");

    private string LogFile => Path.Combine(RootDirectory, "server.log");

    /// <summary>Npgsql-style connection string to the <c>postgres</c> database as the superuser (trust auth, no password).</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    public string ConnectionStringFor(string database) =>
        $"Host={Host};Port={Port};Username=postgres;Database={database};Timeout=5";

    /// <summary>Creates and starts a new cluster; retries on another port if the chosen one was taken meanwhile.</summary>
    public static async Task<PostgresServer> StartNewAsync(CancellationToken cancellationToken = default)
    {
        var bin = FindBinDirectory();
        var asPostgres = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        var root = Path.Combine(Path.GetTempPath(), "cd-pg-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(root);
        var server = new PostgresServer(bin, root, asPostgres);

        // A crashed or killed test host never disposes; stop the cluster on normal process exit at least.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopImmediately();
        try
        {
            if (asPostgres)
            {
                await server.RunAsync("chown", ["postgres:postgres", root], asServerUser: false, cancellationToken);
            }

            // --no-sync: a test cluster need not survive a power cut; saves seconds per cluster.
            await server.RunAsync(Path.Combine(bin, "initdb"),
                ["-D", server.DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"], asServerUser: true, cancellationToken);
            for (var attempt = 1; ; attempt++)
            {
                server.Port = FreeLoopbackPort();
                try
                {
                    await server.StartAsync(cancellationToken);
                    break;
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                    // Most likely the port was taken between probing and binding; try another.
                }
            }

            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the (stopped) cluster on <see cref="Port"/> and returns once it accepts connections.</summary>
    public Task StartAsync() => StartAsync(CancellationToken.None);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var serverOptions = $"-p {Port} -k '{RootDirectory}' -c listen_addresses={Host} -c max_connections=100";

        // -W: do not let pg_ctl wait; readiness is decided below with pg_isready and our own deadline.
        await RunAsync(Path.Combine(_binDirectory, "pg_ctl"),
            ["-D", DataDirectory, "-o", serverOptions, "-l", LogFile, "-W", "start"], asServerUser: true, cancellationToken);
        await WaitUntilReadyAsync(cancellationToken);
    }

    /// <summary>Stops the server (fast shutdown: open connections are cut, as in a real outage). The data stays.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], asServerUser: true, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], asServerUser: true, CancellationToken.None);
            }
        }
        catch (InvalidOperationException)
        {
            // Already stopped; removing the directory below is all that is left.
        }

        try
        {
            Directory.Delete(RootDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp dir is harmless; failing a test run over it is not.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void StopImmediately()
    {
        if (!_disposed && File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                ExecuteAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "stop"], asServerUser: true, CancellationToken.None)
                    .GetAwaiter().GetResult();
            }
            catch (InvalidOperationException)
            {
                // Best effort at process exit.
            }
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var deadline = started + ReadyDeadline;
        var isReady = Path.Combine(_binDirectory, "pg_isready");
        while (true)
        {
            var (exitCode, _) = await ExecuteAsync(isReady, ["-h", Host, "-p", Port.ToString(), "-t", "1"], asServerUser: false, cancellationToken);
            if (exitCode == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"PostgreSQL on {Host}:{Port} not ready within {ReadyDeadline.TotalSeconds} s. Log:\n{ReadLogTail()}");
            }

            // Fail fast when the postmaster already gave up (port taken, bad option) instead of polling on.
            // (The pid file appears within milliseconds of pg_ctl returning; 2 s of grace covers slow machines.)
            if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid")) && DateTime.UtcNow > started + TimeSpan.FromSeconds(2))
            {
                throw new InvalidOperationException($"PostgreSQL on {Host}:{Port} exited during startup. Log:\n{ReadLogTail()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    private string ReadLogTail()
    {
        try
        {
            var lines = File.ReadAllLines(LogFile);
            return string.Join('\n', lines.TakeLast(20));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    private async Task RunAsync(string file, string[] arguments, bool asServerUser, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await ExecuteAsync(file, arguments, asServerUser, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} exited {exitCode}:\n{output}\n{ReadLogTail()}");
        }
    }

    private async Task<(int ExitCode, string Output)> ExecuteAsync(string file, string[] arguments, bool asServerUser, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asServerUser && _runAsPostgresUser)
        {
            start.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", file])
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = file;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandDeadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} did not finish within {CommandDeadline.TotalSeconds} s.");
        }

        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindBinDirectory()
    {
        if (Environment.GetEnvironmentVariable("POSTGRES_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(d => File.Exists(Path.Combine(d.Dir, "bin", "initdb")))
                .OrderByDescending(d => d.Version)
                .FirstOrDefault();
            if (newest.Dir is not null)
            {
                return Path.Combine(newest.Dir, "bin");
            }
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
        return onPath ?? throw new InvalidOperationException(
            "PostgreSQL binaries (initdb, pg_ctl, pg_isready) not found: install postgresql (./test.sh does) or set POSTGRES_BIN.");
    }
}
