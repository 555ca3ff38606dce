using System.Net.WebSockets;
using System.Threading.Channels;

namespace CandleDashboard.Simulator.Streaming;

/// <summary>
/// One client WebSocket of either venue's stream API. A single send loop drains the outbox so frames never
/// interleave; the receive loop hands each text message to <see cref="Handle"/> and queues its reply through
/// the same outbox. Ping/pong is left to the WebSocket itself (accepted with a keep-alive interval and pong
/// timeout), the lifetime limit to a timer. A client whose unsent backlog grows past the limit is dropped.
/// </summary>
internal abstract class WebSocketSession
{
    private const int MaxRequestBytes = 64 * 1024;

    private readonly WebSocket _socket;
    private readonly int _maxPendingFrames;
    private readonly Channel<byte[]> _outbox = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pendingFrames;
    private int _aborted;
    private volatile bool _closing;

    protected WebSocketSession(WebSocket socket, int maxPendingFrames)
    {
        _socket = socket;
        _maxPendingFrames = maxPendingFrames;
    }

    /// <summary>Completes when both loops have ended and <see cref="OnClosed"/> has run.</summary>
    public Task Completion => _completed.Task;

    /// <summary>Queues a frame; a client that lets its backlog grow past the limit is dropped, as the exchanges drop slow consumers.</summary>
    public void Enqueue(byte[] frame)
    {
        if (Interlocked.Increment(ref _pendingFrames) > _maxPendingFrames)
        {
            Abort();
            return;
        }

        _outbox.Writer.TryWrite(frame);
    }

    /// <summary>Drops the TCP connection without a close handshake, like a network failure or an exchange's daily cut.</summary>
    public void Abort()
    {
        if (Interlocked.Exchange(ref _aborted, 1) == 0)
        {
            _outbox.Writer.TryComplete();
            _socket.Abort();
        }
    }

    /// <summary>The reply to one request (null: none), queued behind what is already in the outbox.</summary>
    protected abstract byte[]? Handle(ReadOnlySpan<byte> request);

    /// <summary>Called once the loops are about to start (register with the hub, subscribe initial streams, greet).</summary>
    protected abstract void OnOpened();

    /// <summary>Called once when the connection has ended, before <see cref="Completion"/> completes.</summary>
    protected abstract void OnClosed();

    protected async Task RunSessionAsync(TimeSpan maxLifetime, TimeProvider timeProvider, CancellationToken stopping)
    {
        using var lifetime = maxLifetime > TimeSpan.Zero && maxLifetime < TimeSpan.FromDays(40)
            ? new CancellationTokenSource(maxLifetime, timeProvider)
            : new CancellationTokenSource(); // "infinite" (or beyond what a timer can hold): never expires
        using var onExpiry = lifetime.Token.Register(Abort);
        using var onStop = stopping.Register(Abort);
        try
        {
            OnOpened();
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
            OnClosed();
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
                        return false; // oversized request: the exchanges close such connections too
                    }

                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return true;
                }

                if (Handle(buffer.AsSpan(0, length)) is { } reply)
                {
                    Enqueue(reply);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Aborted by us or by the peer.
            return false;
        }
    }
}
