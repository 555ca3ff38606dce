using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CandleDashboard.Exchange.Kraken.Tests.Infrastructure;

/// <summary>
/// A small Kraken WebSocket v2 peer on loopback (Kestrel): each accepted connection is handed to the
/// test as a <see cref="PeerConnection"/>, which reads what the client sends, answers pings with
/// pongs by itself, and sends whatever the test scripts (acks, snapshots, updates), or drops the
/// connection without a close frame.
/// </summary>
public sealed class LoopbackKrakenWebSocket : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<PeerConnection> _connections = Channel.CreateUnbounded<PeerConnection>();

    private LoopbackKrakenWebSocket(WebApplication app) => _app = app;

    public Uri Uri { get; private set; } = null!;

    public static async Task<LoopbackKrakenWebSocket> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackKrakenWebSocket(app);
        app.UseWebSockets();
        app.Map("/v2", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }

            var socket = await context.WebSockets.AcceptWebSocketAsync();
            var peer = new PeerConnection(socket);
            await server._connections.Writer.WriteAsync(peer);
            await peer.Finished; // the request lives as long as the test keeps the connection
        });
        await app.StartAsync();
        var http = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        server.Uri = new Uri($"ws://{http.Authority}/v2");
        return server;
    }

    public async Task<PeerConnection> NextConnectionAsync() =>
        await _connections.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The server side of one accepted connection.</summary>
    public sealed class PeerConnection
    {
        private readonly WebSocket _socket;
        private readonly Channel<string> _received = Channel.CreateUnbounded<string>();
        private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly SemaphoreSlim _sendLock = new(1, 1);
        private int _pings;

        public PeerConnection(WebSocket socket)
        {
            _socket = socket;
            _ = ReadLoopAsync();
        }

        public Task Finished => _finished.Task;

        /// <summary>When false, pings go unanswered (with no heartbeats either, the connection falls silent).</summary>
        public volatile bool AnswerPings = true;

        /// <summary>Application pings the client sent (each answered with a pong).</summary>
        public int Pings => Volatile.Read(ref _pings);

        /// <summary>The next non-ping message the client sent.</summary>
        public async Task<string> ReceiveAsync() => await _received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));

        public async Task SendAsync(string json)
        {
            await _sendLock.WaitAsync();
            try
            {
                await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
            finally
            {
                _sendLock.Release();
            }
        }

        /// <summary>Drops the connection without a close handshake (a network failure, as the client sees it).</summary>
        public void Drop()
        {
            _socket.Abort();
            _finished.TrySetResult();
        }

        private async Task ReadLoopAsync()
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (true)
                {
                    var text = new StringBuilder();
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                        if (result.MessageType == WebSocketMessageType.Close)
                        {
                            return;
                        }

                        text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                    }
                    while (!result.EndOfMessage);

                    var message = text.ToString();
                    if (message.Contains("\"ping\"", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref _pings);
                        if (!AnswerPings)
                        {
                            continue;
                        }

                        var id = System.Text.Json.JsonDocument.Parse(message).RootElement.GetProperty("req_id").GetInt64();
                        await SendAsync($$"""{"method":"pong","req_id":{{id}},"time_in":"2025-11-10T17:24:00.000001Z","time_out":"2025-11-10T17:24:00.000011Z"}""");
                        continue;
                    }

                    await _received.Writer.WriteAsync(message);
                }
            }
            catch (Exception)
            {
                // The connection dropped.
            }
            finally
            {
                _finished.TrySetResult();
            }
        }
    }
}
