using System.Net.Sockets;
using System.Text;

namespace CandleDashboard.Simulator.Tests.Support;

/// <summary>
/// A deliberately minimal WebSocket client over a plain TCP socket that reports every frame's opcode.
/// <see cref="System.Net.WebSockets.ClientWebSocket"/> answers pings invisibly; this one lets a test
/// see the server's ping frames and choose not to answer them.
/// </summary>
internal sealed class RawWebSocketPeer : IDisposable
{
    public const int PingOpcode = 0x9;
    public const int TextOpcode = 0x1;

    private readonly TcpClient _tcp = new();
    private NetworkStream _stream = null!;

    public static async Task<RawWebSocketPeer> ConnectAsync(Uri baseUri, string pathAndQuery)
    {
        var peer = new RawWebSocketPeer();
        await peer._tcp.ConnectAsync(baseUri.Host, baseUri.Port);
        peer._stream = peer._tcp.GetStream();
        var key = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        var request =
            $"GET {pathAndQuery} HTTP/1.1\r\nHost: {baseUri.Host}:{baseUri.Port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await peer._stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var head = await peer.ReadHeadAsync();
        if (!head.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Upgrade refused: " + head);
        }

        return peer;
    }

    /// <summary>Next frame's opcode, or null when the server closed the TCP connection.</summary>
    /// <param name="answerPings">Reply to a ping with a pong carrying the same payload, as RFC 6455 §5.5.3 requires.</param>
    public async Task<int?> ReadFrameOpcodeAsync(CancellationToken ct, bool answerPings = false)
    {
        var header = new byte[2];
        if (!await ReadExactlyAsync(header, ct))
        {
            return null;
        }

        long length = header[1] & 0x7F;
        if (length == 126)
        {
            var ext = new byte[2];
            if (!await ReadExactlyAsync(ext, ct)) return null;
            length = (ext[0] << 8) | ext[1];
        }
        else if (length == 127)
        {
            var ext = new byte[8];
            if (!await ReadExactlyAsync(ext, ct)) return null;
            length = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(ext);
        }

        // Server frames are never masked (RFC 6455 §5.1), so the payload follows directly.
        var payload = new byte[length];
        if (!await ReadExactlyAsync(payload, ct))
        {
            return null;
        }

        var opcode = header[0] & 0x0F;
        if (answerPings && opcode == PingOpcode)
        {
            await SendPongAsync(payload, ct);
        }

        return opcode;
    }

    private async Task SendPongAsync(byte[] payload, CancellationToken ct)
    {
        // Client frames must be masked; a zero mask leaves the payload bytes unchanged. Ping payloads are < 126 bytes.
        var frame = new byte[6 + payload.Length];
        frame[0] = 0x80 | 0xA;
        frame[1] = (byte)(0x80 | payload.Length);
        payload.CopyTo(frame, 6);
        await _stream.WriteAsync(frame, ct);
    }

    private async Task<bool> ReadExactlyAsync(byte[] buffer, CancellationToken ct)
    {
        try
        {
            await _stream.ReadExactlyAsync(buffer, ct);
            return true;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            return false;
        }
    }

    private async Task<string> ReadHeadAsync()
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            await _stream.ReadExactlyAsync(one);
            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    public void Dispose() => _tcp.Dispose();
}
