using System.Net.WebSockets;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Market;
using CandleDashboard.Exchange.Kraken.Pairs;
using CandleDashboard.Exchange.Kraken.Parsing;
using CandleDashboard.Exchange.Streaming;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Exchange.Kraken.Streaming;

/// <summary>
/// Live trades from Kraken's WebSocket v2 <c>trade</c> channel. One connection subscribes every pair
/// (by its v2 name from the pair map, e.g. BTC/USD); a subscribe ack makes the feed Live; heartbeats
/// (about one a second) keep the receive watchdog quiet, and an application ping runs besides the
/// socket's own keep-alive. Any drop (server close, network error, silence) is followed by a
/// reconnect with exponential backoff and full jitter and a fresh subscribe; the snapshot it brings
/// repeats trades already delivered, which are dropped by <c>trade_id</c>, so each trade reaches the
/// sink once, in exchange order per pair.
/// </summary>
public sealed class KrakenTradeFeed : ITradeFeed
{
    private readonly KrakenOptions _options;
    private readonly IKrakenPairSource _pairs;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<KrakenTradeFeed> _logger;
    private readonly ReconnectBackoff _backoff;
    private readonly FeedStatusTracker _status;
    private readonly FeedLog _log;
    private int _running;
    private long _pongs;
    private long _heartbeats;
    private long _subscribeFailures;
    private long _seededTrades;
    private long _requestIds;
    private string? _systemStatus;

    public KrakenTradeFeed(IOptions<KrakenOptions> options, IKrakenPairSource pairs, TimeProvider timeProvider, ILogger<KrakenTradeFeed> logger)
        : this(options, pairs, timeProvider, logger, Random.Shared)
    {
    }

    /// <summary>With an explicit random source so tests can fix the jitter.</summary>
    public KrakenTradeFeed(IOptions<KrakenOptions> options, IKrakenPairSource pairs, TimeProvider timeProvider, ILogger<KrakenTradeFeed> logger, Random random)
    {
        _options = options?.Value ?? throw new ArgumentNullException(nameof(options));
        _pairs = pairs ?? throw new ArgumentNullException(nameof(pairs));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _backoff = new ReconnectBackoff(_options.ReconnectInitialDelay, _options.ReconnectMaxDelay, _options.ReconnectJitter, random);
        _status = new FeedStatusTracker(timeProvider);
        _log = new FeedLog("Kraken", _logger, _status, timeProvider);
    }

    public FeedStatus Status => _status.Snapshot();

    /// <summary>Well-formed messages that were not trades of ours (other channels, unsubscribe acks, errors).</summary>
    public long SkippedMessages => _status.Skipped;

    /// <summary>Trades dropped because their id was not above one already delivered (snapshot after a resubscribe).</summary>
    public long DuplicateTrades => _status.Duplicates;

    public long Heartbeats => Interlocked.Read(ref _heartbeats);

    /// <summary>Subscribe acks with <c>success: false</c> (e.g. a pair Kraken does not stream).</summary>
    public long SubscribeFailures => Interlocked.Read(ref _subscribeFailures);

    public long Pongs => Interlocked.Read(ref _pongs);

    /// <summary>Trades of first snapshots: remembered for dedupe, not delivered (they predate the feed).</summary>
    public long SeededTrades => Interlocked.Read(ref _seededTrades);

    /// <summary>Kraken's last reported engine state (<c>online</c>, <c>maintenance</c>, …), or null before the first.</summary>
    public string? SystemStatus => Volatile.Read(ref _systemStatus);

    /// <summary>Raised each time a connection is established (before subscribing); for tests and diagnostics.</summary>
    public event Action<Uri>? Connected;

    /// <summary>Raised after a drop with the wait chosen before the next attempt.</summary>
    public event Action<TimeSpan>? ReconnectScheduled;

    public async Task RunAsync(IReadOnlyCollection<string> symbols, ITradeSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(sink);
        var wanted = new List<string>();
        foreach (var text in symbols)
        {
            wanted.Add(Symbols.TryNormalize(text, out var symbol) ? symbol : throw new ArgumentException($"'{text}' is not a valid symbol.", nameof(symbols)));
        }

        if (wanted.Count == 0)
        {
            throw new ArgumentException("At least one symbol is required.", nameof(symbols));
        }

        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("This feed is already running; use one instance per symbol set.");
        }

        using var buffer = new MessageBuffer(_options.MaxMessageBytes);
        Session? session = null;
        var failedAttempts = 0;
        var everConnected = false;
        _status.SetState(FeedState.Connecting);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var outcome = ConnectionOutcome.NotConnected;
                session ??= await TryStartSessionAsync(wanted, sink, cancellationToken).ConfigureAwait(false);
                if (session is not null)
                {
                    outcome = await RunConnectionAsync(session, buffer, everConnected, cancellationToken).ConfigureAwait(false);
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                everConnected |= outcome.Connected;

                // A connection that delivered messages was healthy: the next drop starts the backoff over.
                failedAttempts = outcome.ReceivedData ? 0 : failedAttempts;
                var delay = _backoff.NextDelay(failedAttempts++);
                _status.SetState(FeedState.Reconnecting);
                _logger.LogWarning("Kraken stream dropped ({Reason}); reconnecting in {Delay}.", outcome.Reason, delay);

                // The timer exists before observers hear of it, so a test advancing a fake clock on this event is not early.
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
    /// Resolves the symbols to pairs through the pair map (AssetPairs). An unreadable map is an outage
    /// like a failed connect (null: retried after the backoff); symbols Kraken does not list are
    /// logged and left out, and none listed at all is a configuration error that ends the run.
    /// </summary>
    private async Task<Session?> TryStartSessionAsync(List<string> symbols, ITradeSink sink, CancellationToken cancellationToken)
    {
        KrakenPairMap map;
        try
        {
            map = await _pairs.GetPairMapAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ExchangeException ex)
        {
            _logger.LogWarning("Kraken pair map could not be read ({Error}); the stream waits for it.", ex.Message);
            return null;
        }

        var pairs = new List<KrakenPair>();
        foreach (var symbol in symbols)
        {
            if (map.TryGetBySymbol(symbol, out var pair))
            {
                pairs.Add(pair);
            }
            else
            {
                _logger.LogError("Kraken does not list {Symbol}; it is left out of the stream.", symbol);
            }
        }

        if (pairs.Count == 0)
        {
            throw new UnknownSymbolException(_options.ExchangeName, symbols[0], "none of the configured symbols is in Kraken's AssetPairs");
        }

        var subscription = new KrakenSubscription(pairs);
        return new Session(subscription, new KrakenMessageParser(subscription), new TradeDeduplicator(subscription.Count), new KrakenMessage(), sink);
    }

    /// <summary>Opens one connection, subscribes, and reads it until it drops.</summary>
    private async Task<ConnectionOutcome> RunConnectionAsync(Session session, MessageBuffer buffer, bool isReconnect, CancellationToken cancellationToken)
    {
        var uri = _options.WebSocketUri;
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = _options.KeepAliveInterval;
        try
        {
            using var connectTimeout = new CancellationTokenSource(_options.ConnectTimeout, _timeProvider);
            using var connectToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connectTimeout.Token);
            await socket.ConnectAsync(uri, connectToken.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            _log.StreamError(ex);
            return ConnectionOutcome.NotConnected;
        }

        if (isReconnect)
        {
            _status.CountReconnect();
        }

        _logger.LogInformation("Kraken stream connected: {Uri}", uri);
        Connected?.Invoke(uri);

        // Silence for the receive timeout cancels the receive, which aborts the socket: a dead connection.
        using var idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _timeProvider);
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        using var sendLock = new SemaphoreSlim(1, 1);
        var pinging = Task.CompletedTask;
        var receivedData = false;
        try
        {
            var subscribe = KrakenRequests.Subscribe(session.Subscription.Pairs, _options.SnapshotOnSubscribe, Interlocked.Increment(ref _requestIds));
            await SendAsync(socket, sendLock, subscribe, connection.Token).ConfigureAwait(false);
            pinging = PingLoopAsync(socket, sendLock, connection.Token);
            var reason = await ReceiveUntilEndAsync(socket, session, buffer, idle, connection.Token, () => receivedData = true).ConfigureAwait(false);
            return new ConnectionOutcome(reason, Connected: true, receivedData);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            if (idle.IsCancellationRequested)
            {
                return new ConnectionOutcome(DropReason.ReceiveTimeout, Connected: true, receivedData);
            }

            _log.StreamError(ex);
            return new ConnectionOutcome(DropReason.Failed, Connected: true, receivedData);
        }
        finally
        {
            await connection.CancelAsync().ConfigureAwait(false);
            socket.Abort();
            await pinging.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Reads messages until the connection ends; returns why it ended.</summary>
    private async Task<DropReason> ReceiveUntilEndAsync(ClientWebSocket socket, Session session, MessageBuffer buffer, CancellationTokenSource idle, CancellationToken token, Action onData)
    {
        buffer.Reset(); // a message cut off by the end of the previous socket is dropped
        while (true)
        {
            if (_options.ReceiveTimeout > TimeSpan.Zero)
            {
                idle.CancelAfter(_options.ReceiveTimeout);
            }

            var result = await socket.ReceiveAsync(buffer.GetFreeMemory(), token).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                _logger.LogWarning("Kraken closed the stream: {Status} {Description}", socket.CloseStatus, socket.CloseStatusDescription);
                return DropReason.ServerClosed;
            }

            buffer.Advance(result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            onData();
            _status.MarkMessage(_timeProvider.GetTimestamp());
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

    /// <summary>Kraken's application ping, besides the socket's keep-alive: its pong proves the engine (not only a proxy) answers.</summary>
    private async Task PingLoopAsync(ClientWebSocket socket, SemaphoreSlim sendLock, CancellationToken token)
    {
        if (_options.PingInterval <= TimeSpan.Zero)
        {
            return;
        }

        while (!token.IsCancellationRequested)
        {
            await Task.Delay(_options.PingInterval, _timeProvider, token).ConfigureAwait(false);
            await SendAsync(socket, sendLock, KrakenRequests.Ping(Interlocked.Increment(ref _requestIds)), token).ConfigureAwait(false);
        }
    }

    private static async Task SendAsync(ClientWebSocket socket, SemaphoreSlim sendLock, byte[] message, CancellationToken token)
    {
        // ClientWebSocket allows one send at a time; the subscribe and the pings share the socket.
        await sendLock.WaitAsync(token).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, token).ConfigureAwait(false);
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>Parses one complete message and acts on it; runs once per message on the hot path.</summary>
    private void Dispatch(Session session, ReadOnlySpan<byte> bytes)
    {
        var message = session.Message;
        session.Parser.Parse(bytes, message);
        switch (message.Kind)
        {
            case KrakenMessageKind.Trades:
                if (message.BadTrades > 0)
                {
                    _log.Malformed(KrakenMessageParser.BadTrade, bytes);
                }

                Deliver(session, message);
                return;
            case KrakenMessageKind.Heartbeat:
                Interlocked.Increment(ref _heartbeats);
                return;
            case KrakenMessageKind.Status:
                if (message.SystemStatus is { } system && system != Volatile.Read(ref _systemStatus))
                {
                    Volatile.Write(ref _systemStatus, system);
                    _logger.LogInformation("Kraken reports its engine {System}.", system);
                }

                return;
            case KrakenMessageKind.SubscribeAck when message.Success:
                _status.SetState(FeedState.Live);
                _logger.LogInformation("Kraken trade stream subscribed: {Pair}", message.Symbol);
                return;
            case KrakenMessageKind.SubscribeAck:
                Interlocked.Increment(ref _subscribeFailures);
                _logger.LogWarning("Kraken refused the trade subscription of {Pair}: {Error}", message.Symbol, message.Detail);
                return;
            case KrakenMessageKind.Pong:
                Interlocked.Increment(ref _pongs);
                return;
            case KrakenMessageKind.Error:
                _status.CountSkipped();
                _logger.LogWarning("Kraken stream error: {Error}", message.Detail);
                return;
            case KrakenMessageKind.Malformed:
                _log.Malformed(message.Detail ?? "malformed", bytes);
                return;
            default:
                _status.CountSkipped();
                return;
        }
    }

    /// <summary>
    /// Hands the message's new trades to the sink. A pair's first snapshot only seeds the
    /// deduplicator: its trades happened before this feed started, and delivering them would count
    /// them twice in a forming candle the host resumed from storage (and make the builder fill
    /// buckets nobody watched). Later snapshots (after a resubscribe) deliver what was missed.
    /// </summary>
    private void Deliver(Session session, KrakenMessage message)
    {
        var trades = message.Trades;
        var seeding = message.IsSnapshot ? PairsNotSeenYet(session, message) : null;
        for (var i = 0; i < trades.Count; i++)
        {
            var index = message.SymbolIndexes[i];
            if (!session.Deduplicator.TryAccept(index, trades[i].TradeId))
            {
                _status.CountDuplicate();
                continue;
            }

            if (seeding?.Contains(index) == true)
            {
                Interlocked.Increment(ref _seededTrades);
                continue;
            }

            _status.CountTrade();
            try
            {
                session.Sink.OnTrade(trades[i]);
            }
            catch (Exception ex)
            {
                _log.SinkError(ex);
            }
        }
    }

    private static HashSet<int>? PairsNotSeenYet(Session session, KrakenMessage message)
    {
        HashSet<int>? pairs = null;
        foreach (var index in message.SymbolIndexes)
        {
            if (!session.Deduplicator.HasSeen(index))
            {
                (pairs ??= []).Add(index);
            }
        }

        return pairs;
    }

    private sealed record Session(KrakenSubscription Subscription, KrakenMessageParser Parser, TradeDeduplicator Deduplicator, KrakenMessage Message, ITradeSink Sink);

    private readonly record struct ConnectionOutcome(DropReason Reason, bool Connected, bool ReceivedData)
    {
        public static ConnectionOutcome NotConnected => new(DropReason.Failed, Connected: false, ReceivedData: false);
    }
}
