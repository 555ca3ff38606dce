using System.Net;
using System.Net.Sockets;

namespace CandleDashboard.Fault.Tests;

/// <summary>
/// A TCP proxy on loopback in front of a server that can go silent: connections are still accepted,
/// but no byte moves either way until it speaks again (what a stalled network path or a frozen
/// database host looks like: reachable, answering nothing). Bytes sent meanwhile wait in the socket
/// buffers and flow on when it resumes.
/// </summary>
public sealed class SilentProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile TaskCompletionSource _speaking = Speaking();

    public SilentProxy(int targetPort)
    {
        _target = new IPEndPoint(IPAddress.Loopback, targetPort);
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>From now on nothing is forwarded (already open connections included).</summary>
    public void GoSilent() => _speaking = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Resume() => _speaking.TrySetResult();

    private static TaskCompletionSource Speaking()
    {
        var speaking = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        speaking.SetResult();
        return speaking;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(_target, _stop.Token);
                var a = PumpAsync(client.GetStream(), upstream.GetStream());
                var b = PumpAsync(upstream.GetStream(), client.GetStream());
                await Task.WhenAny(a, b);
            }
            catch (Exception)
            {
                // A side closed or the proxy stopped: the relay ends, both sockets close.
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            await _speaking.Task.WaitAsync(_stop.Token); // silent: read nothing, so nothing moves
            var read = await from.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            await _speaking.Task.WaitAsync(_stop.Token);
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Resume();
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
