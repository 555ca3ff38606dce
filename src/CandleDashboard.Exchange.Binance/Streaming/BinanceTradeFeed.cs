using System.Net.WebSockets;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Exchange.Binance.Parsing;
using CandleDashboard.Exchange.Streaming;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Exchange.Binance.Streaming;

/// <summary>
/// Live trades from Binance's combined market stream. One WebSocket carries the trade (or aggTrade)
/// stream of every symbol; any drop (server close, network error, silence) is followed by a
/// reconnect with exponential backoff and full jitter, the exchange's 24 h limit is pre-empted by a
/// make-before-break hand-over, and each trade reaches the sink once, in exchange order per symbol,
/// even across reconnects.
/// </summary>
public sealed class BinanceTradeFeed : ITradeFeed
{
    private readonly BinanceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<BinanceTradeFeed> _logger;
    private readonly ReconnectBackoff _backoff;
    private readonly FeedStatusTracker _status;
    private readonly FeedLog _log;
    private int _running;
    private long _recycles;

    public BinanceTradeFeed(IOptions<BinanceOptions> options, TimeProvider timeProvider, ILogger<BinanceTradeFeed> logger)
        : this(options, timeProvider, logger, Random.Shared)
    {
    }

    /// <summary>With an explicit random source so tests can fix the jitter.</summary>
    public BinanceTradeFeed(IOptions<BinanceOptions> options, TimeProvider timeProvider, ILogger<BinanceTradeFeed> logger, Random random)
    {
        _options = options?.Value ?? throw new ArgumentNullException(nameof(options));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _backoff = new ReconnectBackoff(_options.ReconnectInitialDelay, _options.ReconnectMaxDelay, _options.ReconnectJitter, random);
        _status = new FeedStatusTracker(timeProvider);
        _log = new FeedLog("Binance", _logger, _status, timeProvider);
    }

    public FeedStatus Status => _status.Snapshot();

    /// <summary>Well-formed frames that were not trades of ours (depth, bookTicker, kline, replies, ...).</summary>
    public long SkippedMessages => _status.Skipped;

    /// <summary>Trades dropped because their id was not newer than one already delivered (reconnect overlap).</summary>
    public long DuplicateTrades => _status.Duplicates;

    /// <summary>Planned hand-overs to a fresh connection before the 24 h limit (not counted as reconnects).</summary>
    public long Recycles => Interlocked.Read(ref _recycles);

    /// <summary>Raised (on the receive loop) each time a connection is established; for tests and diagnostics.</summary>
    public event Action<Uri>? Connected;

    /// <summary>Raised after a drop with the wait chosen before the next attempt (zero for a planned recycle).</summary>
    public event Action<TimeSpan>? ReconnectScheduled;

    public async Task RunAsync(IReadOnlyCollection<string> symbols, ITradeSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(sink);
        var table = new SymbolTable(symbols);
        var uri = BinanceStreamUri.Build(_options.WebSocketBaseUri, table.Symbols, _options.Stream);
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("This feed is already running; use one instance per stream set.");
        }

        var session = new Session(new BinanceMessageParser(table), new TradeDeduplicator(table.Count), sink);
        using var buffer = new MessageBuffer(_options.MaxMessageBytes);
        var failedAttempts = 0;
        var everConnected = false;
        _status.SetState(FeedState.Connecting);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var outcome = await RunConnectionAsync(uri, session, buffer, everConnected, cancellationToken).ConfigureAwait(false);
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                everConnected |= outcome.Connected;

                // A connection that delivered data was healthy: the next drop starts the backoff over.
                failedAttempts = outcome.ReceivedData ? 0 : failedAttempts;
                var delay = outcome.Reason == DropReason.MaxAgeReached ? TimeSpan.Zero : _backoff.NextDelay(failedAttempts++);
                _status.SetState(FeedState.Reconnecting);
                _logger.LogWarning("Binance stream dropped ({Reason}); reconnecting in {Delay}.", outcome.Reason, delay);

                // The delay's timer exists before observers hear of it, so a test that advances a
                // fake clock on this event cannot advance it too early.
                var wait = Task.Delay(delay, _timeProvider, cancellationToken);
                ReconnectScheduled?.Invoke(delay);
                await wait.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown.
        }
        finally
        {
            _status.SetState(FeedState.Stopped);
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>
    /// Opens a connection and reads it until it drops, handing over to its successor at the
    /// planned age as many times as that comes around.
    /// </summary>
    private async Task<ConnectionOutcome> RunConnectionAsync(Uri uri, Session session, MessageBuffer buffer, bool isReconnect, CancellationToken cancellationToken)
    {
        StreamConnection current;
        try
        {
            current = await StreamConnection.OpenAsync(uri, _options, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            _log.StreamError(ex);
            return new ConnectionOutcome(DropReason.Failed, Connected: false, ReceivedData: false);
        }

        if (isReconnect)
        {
            _status.CountReconnect();
        }

        _status.SetState(FeedState.Live);
        _logger.LogInformation("Binance stream connected: {Uri}", uri);
        Connected?.Invoke(uri);
        var receivedData = false;
        try
        {
            while (true)
            {
                buffer.Reset(); // a message cut off by the end of the previous socket is dropped
                var reason = await ReceiveUntilEndAsync(current, session, buffer, () => receivedData = true, cancellationToken).ConfigureAwait(false);
                if (current.Successor is not { } successor)
                {
                    return new ConnectionOutcome(reason, Connected: true, receivedData);
                }

                StreamConnection next;
                try
                {
                    next = await successor.ConfigureAwait(false);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    _log.StreamError(ex);
                    return new ConnectionOutcome(reason == DropReason.Recycled ? DropReason.MaxAgeReached : reason, Connected: true, receivedData);
                }

                current.DisposeKeepingSuccessor();
                current = next;
                Interlocked.Increment(ref _recycles);
                _logger.LogInformation("Binance stream handed over to a fresh connection before the 24 h limit.");
                Connected?.Invoke(uri);
            }
        }
        finally
        {
            current.Dispose();
        }
    }

    /// <summary>Reads messages until the connection ends; returns why it ended.</summary>
    private async Task<DropReason> ReceiveUntilEndAsync(StreamConnection connection, Session session, MessageBuffer buffer, Action onData, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var result = await connection.Socket.ReceiveAsync(buffer.GetFreeMemory(), connection.Token).ConfigureAwait(false);
                var now = connection.MarkActivity();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _logger.LogWarning(
                        "Binance closed the stream: {Status} {Description}", connection.Socket.CloseStatus, connection.Socket.CloseStatusDescription);
                    return DropReason.ServerClosed;
                }

                buffer.Advance(result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                onData();
                _status.MarkMessage(now);
                if (buffer.Overflowed || result.MessageType != WebSocketMessageType.Text)
                {
                    _log.Malformed(buffer.Overflowed ? "message too large" : "binary message", buffer.Written);
                }
                else
                {
                    Dispatch(session, buffer.Written);
                }

                buffer.Reset();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            if (connection.EndReason is { } reason)
            {
                return reason;
            }

            _log.StreamError(ex);
            return DropReason.Failed;
        }
    }

    /// <summary>Parses one complete message and acts on it; runs once per message on the hot path.</summary>
    private void Dispatch(Session session, ReadOnlySpan<byte> message)
    {
        var frame = session.Parser.Parse(message);
        switch (frame.Kind)
        {
            case BinanceFrameKind.Trade:
                if (!session.Deduplicator.TryAccept(frame.SymbolIndex, frame.Trade.TradeId))
                {
                    _status.CountDuplicate();
                    return;
                }

                _status.CountTrade();
                try
                {
                    session.Sink.OnTrade(frame.Trade);
                }
                catch (Exception ex)
                {
                    _log.SinkError(ex);
                }

                return;
            case BinanceFrameKind.Malformed:
                _log.Malformed(frame.Detail ?? "malformed", message);
                return;
            case BinanceFrameKind.Error:
                _logger.LogWarning("Binance stream error frame {Code}: {Message}", frame.ErrorCode, frame.Detail);
                _status.CountSkipped();
                return;
            default:
                _status.CountSkipped();
                return;
        }
    }

    private sealed record Session(BinanceMessageParser Parser, TradeDeduplicator Deduplicator, ITradeSink Sink);

    private readonly record struct ConnectionOutcome(DropReason Reason, bool Connected, bool ReceivedData);
}
