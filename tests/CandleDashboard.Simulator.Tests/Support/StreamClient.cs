using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CandleDashboard.Simulator.Tests.Support;

/// <summary>A real <see cref="ClientWebSocket"/> that reads whole text messages as JSON, with a deadline per read.</summary>
internal sealed class StreamClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _buffer = new byte[1 << 16];

    public WebSocketState State => _socket.State;

    public static async Task<StreamClient> ConnectAsync(Uri uri)
    {
        var client = new StreamClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client._socket.ConnectAsync(uri, timeout.Token);
        return client;
    }

    public async Task SendAsync(string json)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>Next text message parsed; null when the server closed or dropped the connection.</summary>
    public async Task<JsonElement?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var length = 0;
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(_buffer.AsMemory(length), cts.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                length += result.Count;
                if (result.EndOfMessage)
                {
                    return JsonDocument.Parse(_buffer.AsMemory(0, length)).RootElement.Clone();
                }
            }
        }
        catch (WebSocketException)
        {
            return null;
        }
    }

    /// <summary>Reads until a message satisfies <paramref name="match"/>, skipping others (e.g. trades before a reply).</summary>
    public async Task<JsonElement> ReceiveUntilAsync(Func<JsonElement, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var message = await ReceiveAsync(deadline - DateTime.UtcNow) ?? throw new InvalidOperationException("Connection closed.");
            if (match(message))
            {
                return message;
            }
        }

        throw new TimeoutException("No matching message.");
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        await Task.CompletedTask;
    }
}
