using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CandleDashboard.Tests.Shared.Servers;

/// <summary>
/// A throwaway redis-server for tests: its own process on a free loopback port, in a temp dir,
/// with persistence off, stopped and cleaned up on dispose. No Docker and no system service,
/// so it runs the same on a developer's machine and on a clean CI machine.
/// BCL only (readiness is a raw TCP <c>PING</c>): other test projects link this file without
/// taking a Redis client dependency.
/// </summary>
public sealed class RedisServer : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output;
    private readonly string? _password;

    private RedisServer(Process process, int port, string? password, string directory, StringBuilder output)
    {
        _process = process;
        Port = port;
        _password = password;
        _directory = directory;
        _output = output;
        // Safety net: if the test host exits without disposing (aborted run), do not leave the server behind.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary><c>127.0.0.1:port</c>: a valid StackExchange.Redis connection string as is.</summary>
    public string EndPoint => $"{Host}:{Port}";

    /// <summary>A StackExchange.Redis connection string: <see cref="EndPoint"/>, plus the password when the server has one.</summary>
    public string ConnectionString => _password is null ? EndPoint : $"{EndPoint},password={_password}";

    /// <summary>Finds redis-server on PATH or at /usr/bin/redis-server.</summary>
    /// <exception cref="InvalidOperationException">Not installed; the message says how to install it.</exception>
    public static string FindBinary()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
        return onPath ?? (File.Exists("/usr/bin/redis-server")
            ? "/usr/bin/redis-server"
            : throw new InvalidOperationException(
                "redis-server not found on PATH or at /usr/bin/redis-server. Install it (apt-get install -y redis-server) or run ./test.sh, which does."));
    }

    /// <summary>Starts a server and returns once it answers PING.</summary>
    /// <param name="port">0 (default): a free loopback port. Otherwise that port, e.g. to bring Redis
    /// "back" where a stopped one was, for outage and reconnect tests.</param>
    /// <param name="password">When set, the server requires it (<c>requirepass</c>); see <see cref="ConnectionString"/>.</param>
    public static async Task<RedisServer> StartAsync(int port = 0, string? password = null, CancellationToken cancellationToken = default)
    {
        var binary = FindBinary();
        if (port != 0)
        {
            return await StartOnceAsync(binary, port, password, cancellationToken).ConfigureAwait(false);
        }

        // A free port can be taken between choosing and binding it; try a few.
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                return await StartOnceAsync(binary, FreeLoopbackPort(), password, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                last = ex;
            }
        }

        throw new InvalidOperationException("redis-server did not start after 3 attempts.", last);
    }

    /// <summary>A loopback port with nothing listening (for "server unreachable" tests).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Sends one inline command over a raw socket and returns the first reply line (e.g. <c>+PONG</c>).</summary>
    public async Task<string> SendAsync(string inlineCommand, CancellationToken cancellationToken = default) =>
        await SendRawAsync(Port, inlineCommand, cancellationToken).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // Already gone, or stuck: nothing more a test can do about it.
        }
        finally
        {
            _process.Dispose();
            TryDeleteDirectory(_directory);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void OnProcessExit(object? sender, EventArgs e)
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static async Task<RedisServer> StartOnceAsync(string binary, int port, string? password, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("redis-test-").FullName;
        var info = new ProcessStartInfo(binary)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory })
        {
            info.ArgumentList.Add(arg);
        }

        if (password is not null)
        {
            info.ArgumentList.Add("--requirepass");
            info.ArgumentList.Add(password);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = info };
        // Drain both pipes so the server never blocks on a full one; keep the text for error messages.
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, port, password, directory, output);

        try
        {
            await server.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                // Typically "Address already in use": the caller retries on another port.
                throw new IOException($"redis-server exited with code {_process.ExitCode} on port {Port}: {Tail()}");
            }

            try
            {
                // With requirepass an unauthenticated PING gets -NOAUTH: the server is up all the same.
                var reply = await SendRawAsync(Port, "PING", cancellationToken).ConfigureAwait(false);
                if (reply == "+PONG" || reply.StartsWith("-NOAUTH", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"redis-server on port {Port} did not answer PING within {StartTimeout.TotalSeconds:0} s: {Tail()}");
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<string> SendRawAsync(int port, string inlineCommand, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(inlineCommand + "\r\n"), timeout.Token).ConfigureAwait(false);

        var reply = new StringBuilder();
        var buffer = new byte[256];
        while (!reply.ToString().Contains("\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("redis-server closed the connection.");
            }

            reply.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return reply.ToString()[..reply.ToString().IndexOf("\r\n", StringComparison.Ordinal)];
    }

    private string Tail()
    {
        lock (_output)
        {
            var text = _output.ToString().Trim();
            return text.Length <= 600 ? text : text[^600..];
        }
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
