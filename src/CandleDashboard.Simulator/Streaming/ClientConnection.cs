using System.Net.WebSockets;
using System.Threading.Channels;

namespace CandleDashboard.Simulator.Streaming;

/// <summary>
/// One client WebSocket. A single send loop drains the outbox so frames never interleave; the receive loop
/// answers SUBSCRIBE-style requests through the same outbox. Ping/pong is left to the WebSocket itself
/// (accepted with a keep-alive interval and pong timeout), the lifetime limit to a timer.
/// </summary>
internal sealed class ClientConnection
{
    private const int MaxRequestBytes = 64 * 1024;

    private readonly WebSocket _socket;
    private readonly StreamHub _hub;
    private readonly int _maxPendingFrames;
    private readonly Channel<byte[]> _outbox = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<StreamName> _subscriptions = [];
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pendingFrames;
    private int _aborted;
    private volatile bool _closing;

    public ClientConnection(WebSocket socket, StreamHub hub, bool isCombined, int maxPendingFrames)
    {
        _socket = socket;
        _hub = hub;
        IsCombined = isCombined;
        _maxPendingFrames = maxPendingFrames;
    }

    /// <summary>Combined clients (<c>/stream</c>, or SET_PROPERTY combined) get the <c>{"stream":…,"data":…}</c> envelope.</summary>
    public bool IsCombined { get; set; }

    /// <summary>Completes when both loops have ended and the connection has left the hub.</summary>
    public Task Completion => _completed.Task;

    public IReadOnlyList<StreamName> Subscriptions
    {
        get
        {
            lock (_subscriptions)
            {
                return [.. _subscriptions];
            }
        }
    }

    public void Subscribe(StreamName stream)
    {
        lock (_subscriptions)
        {
            if (_subscriptions.Contains(stream))
            {
                return;
            }

            _subscriptions.Add(stream);
        }

        _hub.Subscribe(this, stream);
    }

    public void Unsubscribe(StreamName stream)
    {
        lock (_subscriptions)
        {
            _subscriptions.Remove(stream);
        }

        _hub.Unsubscribe(this, stream);
    }

    /// <summary>Queues a frame; a client that lets its backlog grow past the limit is dropped, as Binance drops slow consumers.</summary>
    public void Enqueue(byte[] frame)
    {
        if (Interlocked.Increment(ref _pendingFrames) > _maxPendingFrames)
        {
            Abort();
            return;
        }

        _outbox.Writer.TryWrite(frame);
    }

    /// <summary>Drops the TCP connection without a close handshake, like a network failure or Binance's 24h cut.</summary>
    public void Abort()
    {
        if (Interlocked.Exchange(ref _aborted, 1) == 0)
        {
            _outbox.Writer.TryComplete();
            _socket.Abort();
        }
    }

    public async Task RunAsync(IEnumerable<StreamName> initialStreams, TimeSpan maxLifetime, TimeProvider timeProvider, CancellationToken stopping)
    {
        _hub.Register(this);
        using var lifetime = maxLifetime > TimeSpan.Zero && maxLifetime < TimeSpan.FromDays(40)
            ? new CancellationTokenSource(maxLifetime, timeProvider)
            : new CancellationTokenSource(); // "infinite" (or beyond what a timer can hold): never expires
        using var onExpiry = lifetime.Token.Register(Abort);
        using var onStop = stopping.Register(Abort);
        try
        {
            foreach (var stream in initialStreams)
            {
                Subscribe(stream);
            }

            var sending = SendLoopAsync();
            var closedByPeer = await ReceiveLoopAsync();
            if (closedByPeer && Volatile.Read(ref _aborted) == 0)
            {
                // Answer a polite close politely: stop sending what is queued, then complete the handshake.
                _closing = true;
                _outbox.Writer.TryComplete();
                await sending;
                await CloseQuietlyAsync();
            }

            Abort();
            await sending;
        }
        finally
        {
            _hub.Unregister(this);
            _socket.Dispose();
            _completed.TrySetResult();
        }
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var frame in _outbox.Reader.ReadAllAsync())
            {
                Interlocked.Decrement(ref _pendingFrames);
                if (_closing)
                {
                    return;
                }

                await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away or the connection was aborted; the receive loop notices too.
        }
        finally
        {
            if (!_closing)
            {
                Abort();
            }
        }
    }

    private async Task CloseQuietlyAsync()
    {
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone.
        }
    }

    /// <returns>True when the peer sent a close frame, false when the connection failed or was aborted.</returns>
    private async Task<bool> ReceiveLoopAsync()
    {
        var buffer = new byte[MaxRequestBytes];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        return false; // oversized request: Binance closes such connections too
                    }

                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return true;
                }

                Enqueue(StreamRequestHandler.Handle(this, buffer.AsSpan(0, length)));
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Aborted by us or by the peer.
            return false;
        }
    }
}
