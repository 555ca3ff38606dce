using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CandleDashboard.Hub.Tests;

/// <summary>
/// A SignalR client spoken by hand over a raw WebSocket, for what the .NET client cannot do: stop
/// reading its socket while staying alive (a real TCP client with a tiny receive buffer, so the
/// server's send path backs up within seconds, that never calls receive again after the handshake
/// and keeps sending pings so the server's client timeout does not end it), or open a connection
/// to Blazor's circuit hub (its protocol, blazorpack, has no .NET client; the handshake is JSON).
/// </summary>
public sealed class RawHubClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';

    /// <summary>The smallest receive buffer Linux grants (it doubles the value and has a floor).</summary>
    private const int ReceiveBufferBytes = 1024;

    private readonly ClientWebSocket _socket;
    private readonly HttpMessageInvoker _invoker;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly StringBuilder _received = new();
    private Task? _pings;

    private RawHubClient(ClientWebSocket socket, HttpMessageInvoker invoker, string connectionId)
    {
        _socket = socket;
        _invoker = invoker;
        ConnectionId = connectionId;
    }

    /// <summary>What was read after the handshake, as text (binary protocols show their strings among the bytes).</summary>
    public string Received => _received.ToString();

    /// <summary>The server's <c>Context.ConnectionId</c> of this connection (from negotiation).</summary>
    public string ConnectionId { get; }

    /// <summary>Negotiates, opens the WebSocket with a tiny receive buffer and completes the SignalR handshake.</summary>
    public static async Task<RawHubClient> ConnectAsync(string hubUrl, CancellationToken cancellationToken, string protocol = "json")
    {
        using var http = new HttpClient();
        using var negotiate = await http.PostAsync($"{hubUrl}/negotiate?negotiateVersion=1", null, cancellationToken);
        negotiate.EnsureSuccessStatusCode();
        var negotiation = await negotiate.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var connectionId = negotiation.GetProperty("connectionId").GetString()!;
        var token = negotiation.GetProperty("connectionToken").GetString()!;

        var handler = new SocketsHttpHandler
        {
            // Our own socket, so its receive buffer is set before the connection's window is agreed.
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = ReceiveBufferBytes, NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var invoker = new HttpMessageInvoker(handler);
        var socket = new ClientWebSocket();
        socket.Options.HttpVersion = HttpVersion.Version11;
        socket.Options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        var wsUrl = new Uri(hubUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "?id=" + Uri.EscapeDataString(token));
        await socket.ConnectAsync(wsUrl, invoker, cancellationToken);
        var client = new RawHubClient(socket, invoker, connectionId);
        await client.SendAsync(JsonSerializer.Serialize(new { protocol, version = 1 }), cancellationToken);

        // The handshake answer is the last thing this client ever reads.
        var buffer = new byte[256];
        var answer = await socket.ReceiveAsync(buffer, cancellationToken);
        var text = Encoding.UTF8.GetString(buffer, 0, answer.Count);
        if (!text.StartsWith("{}" + RecordSeparator, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Handshake refused: {text}");
        }

        client._received.Append(text.AsSpan(3)); // a message the server sent right behind the answer (e.g. a close)
        return client;
    }

    /// <summary>
    /// Reads (and ignores) whatever the server sends until it closes the connection; false if it is
    /// still open at the deadline (a cancelled receive aborts a WebSocket, so the connection is gone then either way).
    /// </summary>
    public async Task<bool> ClosedByServerAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, timeout.Token);
                _received.Append(Encoding.UTF8.GetString(buffer, 0, received.Count));
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (WebSocketException)
        {
            return true; // closed without a close frame
        }
    }

    /// <summary>A non-blocking invocation (no id, so the server sends no completion).</summary>
    public Task SubscribeAsync(string symbol, string interval, CancellationToken cancellationToken) =>
        SendAsync(JsonSerializer.Serialize(new { type = 1, target = "Subscribe", arguments = new[] { symbol, interval } }), cancellationToken);

    /// <summary>From now on the socket is never read; a ping every second keeps the connection alive on the server.</summary>
    public void StopReading() => _pings ??= Task.Run(PingLoopAsync);

    private async Task PingLoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await SendAsync("""{"type":6}""", _stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Stopped by the test, or the server dropped the connection.
        }
    }

    private async Task SendAsync(string message, CancellationToken cancellationToken)
    {
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message + RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_pings is not null)
        {
            await _pings;
        }

        _socket.Abort(); // no close handshake: this client does not read, so it could not complete one
        _socket.Dispose();
        _invoker.Dispose();
        _stop.Dispose();
    }
}
