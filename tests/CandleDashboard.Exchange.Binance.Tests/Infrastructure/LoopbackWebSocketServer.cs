using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;

namespace CandleDashboard.Exchange.Binance.Tests.Infrastructure;

/// <summary>
/// A minimal RFC 6455 server over a raw loopback socket. Writing frames by hand lets tests send
/// exactly what they want the client to cope with: a message split into continuation frames with a
/// ping between them, server pings whose pongs we check, a server-initiated close, silence.
/// </summary>
public sealed class LoopbackWebSocketServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Channel<ServerConnection> _connections = Channel.CreateUnbounded<ServerConnection>();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ServerConnection> _all = [];
    private readonly Task _acceptLoop;
    private int _handshakeAttempts;

    public LoopbackWebSocketServer()
    {
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public Uri BaseUri => new($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>When true the upgrade is answered with HTTP 503 (an exchange outage).</summary>
    public volatile bool RejectHandshakes;

    /// <summary>Upgrade requests seen, accepted or not.</summary>
    public int HandshakeAttempts => Volatile.Read(ref _handshakeAttempts);

    public async Task<ServerConnection> NextConnectionAsync(TimeSpan? timeout = null) =>
        await _connections.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? TimeSpan.FromSeconds(10));

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = HandshakeAsync(client);
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task HandshakeAsync(TcpClient client)
    {
        try
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            var request = await ReadHeadersAsync(stream);
            Interlocked.Increment(ref _handshakeAttempts);
            var lines = request.Split("\r\n");
            var path = lines[0].Split(' ')[1];
            var key = lines.First(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))[18..].Trim();
            if (RejectHandshakes)
            {
                await stream.WriteAsync("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
                client.Dispose();
                return;
            }

            var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
            var response = $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
            var connection = new ServerConnection(client, path);
            lock (_all)
            {
                _all.Add(connection);
            }

            await _connections.Writer.WriteAsync(connection);
        }
        catch (Exception)
        {
            client.Dispose();
        }
    }

    private static async Task<string> ReadHeadersAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < 16 * 1024)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                throw new IOException("Client closed during handshake.");
            }

            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^1] == '\n' && bytes[^2] == '\r' && bytes[^3] == '\n' && bytes[^4] == '\r')
            {
                break;
            }
        }

        return Encoding.ASCII.GetString(bytes.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _acceptLoop;
        lock (_all)
        {
            foreach (var connection in _all)
            {
                connection.Dispose();
            }
        }
    }
}
