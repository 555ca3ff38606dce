using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace CandleDashboard.Exchange.Binance.Tests.Infrastructure;

/// <summary>The server side of one accepted WebSocket: writes frames, reads the client's frames.</summary>
public sealed class ServerConnection : IDisposable
{
    private const byte Continuation = 0x0, Text = 0x1, Binary = 0x2, Close = 0x8, Ping = 0x9, Pong = 0xA;

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TaskCompletionSource<byte[]> _firstPong = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _clientGone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ServerConnection(TcpClient client, string path)
    {
        _client = client;
        _stream = client.GetStream();
        Path = path;
        _ = ReadLoopAsync();
    }

    /// <summary>Request path and query of the upgrade, e.g. <c>/stream?streams=btcusdt@trade</c>.</summary>
    public string Path { get; }

    /// <summary>Payload of the first pong the client sent (the answer to our ping).</summary>
    public Task<byte[]> FirstPong => _firstPong.Task;

    /// <summary>Completes when the client closed or dropped the TCP connection.</summary>
    public Task ClientGone => _clientGone.Task;

    public Task SendTextAsync(string json) => WriteFrameAsync(Text, Encoding.UTF8.GetBytes(json), fin: true);

    public Task SendBinaryAsync(byte[] payload) => WriteFrameAsync(Binary, payload, fin: true);

    /// <summary>
    /// Sends one text message as <paramref name="parts"/> frames (text + continuations), with a ping
    /// between the first two fragments, which RFC 6455 allows and a client must handle.
    /// </summary>
    public async Task SendFragmentedTextAsync(string json, int parts, byte[]? pingBetween = null)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var size = (bytes.Length + parts - 1) / parts;
        for (var i = 0; i < parts; i++)
        {
            var chunk = bytes.AsSpan(Math.Min(i * size, bytes.Length), Math.Min(size, bytes.Length - Math.Min(i * size, bytes.Length))).ToArray();
            await WriteFrameAsync(i == 0 ? Text : Continuation, chunk, fin: i == parts - 1);
            if (i == 0 && pingBetween is not null)
            {
                await SendPingAsync(pingBetween);
            }
        }
    }

    public Task SendPingAsync(byte[] payload) => WriteFrameAsync(Ping, payload, fin: true);

    /// <summary>A server-initiated close, as Binance sends at its 24 h limit or for maintenance.</summary>
    public Task SendCloseAsync(ushort status = 1001, string reason = "going away")
    {
        var payload = new byte[2 + Encoding.UTF8.GetByteCount(reason)];
        BinaryPrimitives.WriteUInt16BigEndian(payload, status);
        Encoding.UTF8.GetBytes(reason, payload.AsSpan(2));
        return WriteFrameAsync(Close, payload, fin: true);
    }

    private async Task WriteFrameAsync(byte opcode, byte[] payload, bool fin)
    {
        var header = new byte[10];
        header[0] = (byte)((fin ? 0x80 : 0) | opcode);
        int headerLength;
        if (payload.Length < 126)
        {
            header[1] = (byte)payload.Length;
            headerLength = 2;
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            header[1] = 126;
            BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), (ushort)payload.Length);
            headerLength = 4;
        }
        else
        {
            header[1] = 127;
            BinaryPrimitives.WriteUInt64BigEndian(header.AsSpan(2), (ulong)payload.Length);
            headerLength = 10;
        }

        await _writeLock.WaitAsync();
        try
        {
            await _stream.WriteAsync(header.AsMemory(0, headerLength));
            await _stream.WriteAsync(payload);
            await _stream.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Reads client frames (always masked): answers pings, records pongs, notices close.</summary>
    private async Task ReadLoopAsync()
    {
        try
        {
            var head = new byte[2];
            while (true)
            {
                await _stream.ReadExactlyAsync(head);
                var opcode = (byte)(head[0] & 0x0F);
                long length = head[1] & 0x7F;
                if (length == 126)
                {
                    var ext = new byte[2];
                    await _stream.ReadExactlyAsync(ext);
                    length = BinaryPrimitives.ReadUInt16BigEndian(ext);
                }
                else if (length == 127)
                {
                    var ext = new byte[8];
                    await _stream.ReadExactlyAsync(ext);
                    length = (long)BinaryPrimitives.ReadUInt64BigEndian(ext);
                }

                var mask = new byte[4];
                if ((head[1] & 0x80) != 0)
                {
                    await _stream.ReadExactlyAsync(mask);
                }

                var payload = new byte[length];
                await _stream.ReadExactlyAsync(payload);
                for (var i = 0; i < payload.Length; i++)
                {
                    payload[i] ^= mask[i % 4];
                }

                switch (opcode)
                {
                    case Pong:
                        _firstPong.TrySetResult(payload);
                        break;
                    case Ping:
                        await WriteFrameAsync(Pong, payload, fin: true);
                        break;
                    case Close:
                        throw new IOException("client closed");
                }
            }
        }
        catch (Exception)
        {
            _clientGone.TrySetResult();
            Dispose();
        }
    }

    /// <summary>Drops the TCP connection without a close frame (a network failure).</summary>
    public void Dispose()
    {
        _client.Dispose();
        _clientGone.TrySetResult();
    }
}
