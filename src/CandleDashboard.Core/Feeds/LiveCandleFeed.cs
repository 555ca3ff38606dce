using CandleDashboard.Core.Building;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CandleDashboard.Core.Feeds;

/// <summary>
/// The server's live candles: routes trades to one <see cref="LiveCandleBuilder"/> per symbol,
/// closes candles on the clock, and publishes coalesced updates to subscribers.
/// </summary>
/// <remarks>
/// Coalescing is leading edge plus trailing edge: a trade that arrives when the symbol has not
/// published for a whole window is published at once (lowest latency in quiet markets); a trade
/// inside the window arms a one-shot timer for the exact end of the window, which publishes the
/// latest state then. So each series sees at most one forming-candle update per window, plus
/// every closed candle, in order, and no trade waits longer than one window. A periodic tick
/// closes candles on the clock.
/// </remarks>
public sealed class LiveCandleFeed : ILiveCandleStream, ITradeSink, IDisposable
{
    private readonly Dictionary<string, SymbolBook> _books;
    private readonly TimeProvider _timeProvider;
    private readonly long _windowTimestampTicks;
    private readonly TimeSpan _flushTick;
    private readonly HandlerList<CandleUpdate> _allUpdates = new();
    private readonly ILogger _logger;
    private ITimer? _timer;
    private int _subscriptionCount;
    private bool _followsRelay;
    private long _ignoredTrades;
    private long _ignoredRelayed;
    private long _handlerFailures;

    public LiveCandleFeed(LiveCandleFeedOptions options, TimeProvider timeProvider, ILogger<LiveCandleFeed>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<LiveCandleFeed>.Instance;
        _windowTimestampTicks = (long)(options.CoalescingWindow.TotalSeconds * timeProvider.TimestampFrequency);
        _flushTick = options.FlushTick;
        _books = options.Symbols.Distinct(StringComparer.Ordinal).ToDictionary(
            s => s,
            s => new SymbolBook(new LiveCandleBuilder(s, options.Intervals, timeProvider, options.Builder)),
            StringComparer.Ordinal);
        // One broken subscriber (a chart whose circuit died) must not stop the others; it is
        // logged with its series and counted.
        foreach (var channel in _books.Values.SelectMany(b => b.Channels))
        {
            channel.Handlers.HandlerFailed += OnHandlerFailed;
        }

        _allUpdates.HandlerFailed += OnHandlerFailed;
    }

    public int SubscriptionCount => Volatile.Read(ref _subscriptionCount);

    /// <summary>Trades for symbols this feed does not build.</summary>
    public long IgnoredTrades => Interlocked.Read(ref _ignoredTrades);

    /// <summary>Relayed candles of series this feed does not build (an instance configured with other symbols).</summary>
    public long IgnoredRelayed => Interlocked.Read(ref _ignoredRelayed);

    public long HandlerFailures => Interlocked.Read(ref _handlerFailures);

    /// <summary>
    /// True while the candles come from another instance (<see cref="OnRelayed"/>) rather than from trades: the
    /// instance that builds them closes candles by its clock, so this feed's clock does not close any (it would
    /// close them a second time, with what it has seen). Set false when this instance takes the trades over.
    /// </summary>
    public bool FollowsRelay
    {
        get => Volatile.Read(ref _followsRelay);
        set => Volatile.Write(ref _followsRelay, value);
    }

    /// <summary>Starts the clock: candles close on time and pending updates flush even with no trades.</summary>
    public void Start() => _timer ??= _timeProvider.CreateTimer(_ => Flush(), null, _flushTick, _flushTick);

    public void OnTrade(in Trade trade)
    {
        if (!_books.TryGetValue(trade.Symbol, out var book))
        {
            Interlocked.Increment(ref _ignoredTrades);
            return;
        }

        bool due;
        lock (book.Sync)
        {
            book.Builder.Apply(trade);
            var elapsed = _timeProvider.GetTimestamp() - book.LastPublishTimestamp;
            due = elapsed >= _windowTimestampTicks;
            if (!due && !book.TrailingScheduled)
            {
                book.TrailingScheduled = true;
                book.TrailingTimer ??= _timeProvider.CreateTimer(_ => OnTrailingEdge(book), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                book.TrailingTimer.Change(TimeSpan.FromSeconds((double)(_windowTimestampTicks - elapsed) / _timeProvider.TimestampFrequency), Timeout.InfiniteTimeSpan);
            }
        }

        if (due)
        {
            Publish(book);
        }
    }

    /// <summary>
    /// A candle another instance built and relayed (<see cref="ILiveCandleRelay"/>), already coalesced there: taken as
    /// it is and published to this feed's subscribers at once. Updates of symbols or intervals not built here are ignored.
    /// </summary>
    public void OnRelayed(RelayedCandle relayed)
    {
        var update = relayed.Update;
        if (update.Symbol is null || !_books.TryGetValue(update.Symbol, out var book) || book.ChannelOf(update.Interval) is null)
        {
            Interlocked.Increment(ref _ignoredRelayed);
            return;
        }

        lock (book.Sync)
        {
            book.Builder.Mirror(update.Interval, update.Candle, relayed.LastClosed);
        }

        Publish(book);
    }

    /// <summary>
    /// <paramref name="update"/> as it goes to other instances: a forming candle travels with the series' newest
    /// closed candle before it (see <see cref="RelayedCandle"/>).
    /// </summary>
    public RelayedCandle ToRelayed(CandleUpdate update)
    {
        if (update.Candle.IsClosed || !_books.TryGetValue(update.Symbol, out var book))
        {
            return new RelayedCandle(update, null);
        }

        lock (book.Sync)
        {
            return book.Builder.TryGetLastClosed(update.Interval, out var closed) && closed.OpenTime < update.Candle.OpenTime
                ? new RelayedCandle(update, closed)
                : new RelayedCandle(update, null);
        }
    }

    public bool TryGetForming(string symbol, Interval interval, out Candle candle)
    {
        candle = default;
        if (symbol is null || !_books.TryGetValue(symbol, out var book))
        {
            return false;
        }

        lock (book.Sync)
        {
            return book.Builder.TryGetForming(interval, out candle);
        }
    }

    public IReadOnlyList<Candle> GetLiveCandles(string symbol, Interval interval)
    {
        if (symbol is null || !_books.TryGetValue(symbol, out var book))
        {
            return [];
        }

        lock (book.Sync)
        {
            var live = new List<Candle>(2);
            if (book.Builder.TryGetLastClosed(interval, out var closed))
            {
                live.Add(closed);
            }

            if (book.Builder.TryGetForming(interval, out var forming))
            {
                live.Add(forming);
            }

            return live;
        }
    }

    public SymbolActivity? GetActivity(string symbol)
    {
        if (symbol is null || !_books.TryGetValue(symbol, out var book))
        {
            return null;
        }

        lock (book.Sync)
        {
            var b = book.Builder;
            return new SymbolActivity(b.AcceptedTrades, b.LateTrades, b.RejectedTrades, b.LastTradeTime, b.LastPrice);
        }
    }

    public IDisposable SubscribeAll(Action<CandleUpdate> onUpdate) => _allUpdates.Add(onUpdate);

    /// <summary>
    /// Continues a forming candle persisted before a restart, when it is still the current bucket's
    /// and no trade of the series has been seen yet: the trades after the restart extend it instead
    /// of starting the bucket over. Returns false (and changes nothing) otherwise.
    /// </summary>
    public bool Resume(string symbol, Interval interval, Candle forming)
    {
        if (symbol is null || !_books.TryGetValue(symbol, out var book))
        {
            return false;
        }

        lock (book.Sync)
        {
            return book.Builder.Resume(interval, forming);
        }
    }

    public IDisposable Subscribe(string symbol, Interval interval, Action<CandleUpdate> onUpdate)
    {
        ArgumentNullException.ThrowIfNull(onUpdate);
        if (symbol is null || !_books.TryGetValue(symbol, out var book))
        {
            throw new ArgumentException($"Symbol '{symbol}' is not built by this feed.", nameof(symbol));
        }

        var channel = book.ChannelOf(interval)
            ?? throw new ArgumentException($"Interval '{interval}' is not built by this feed.", nameof(interval));
        Interlocked.Increment(ref _subscriptionCount);
        return new Subscription(this, channel.Handlers.Add(onUpdate));
    }

    /// <summary>Closes candles whose time is up and publishes what is due. Called by the timer; public for tests and hosts without a timer.</summary>
    public void Flush()
    {
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var timestamp = _timeProvider.GetTimestamp();
        foreach (var book in _books.Values)
        {
            bool due;
            lock (book.Sync)
            {
                if (!FollowsRelay)
                {
                    book.Builder.AdvanceTo(now);
                }

                due = timestamp - book.LastPublishTimestamp >= _windowTimestampTicks
                    || book.Channels.Any(c => c.PendingClosed.Count > 0);
            }

            if (due)
            {
                Publish(book);
            }
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        foreach (var book in _books.Values)
        {
            book.TrailingTimer?.Dispose();
        }
    }

    private void OnTrailingEdge(SymbolBook book)
    {
        lock (book.Sync)
        {
            book.TrailingScheduled = false;
        }

        Publish(book);
    }

    private void Publish(SymbolBook book)
    {
        lock (book.PublishGate)
        {
            List<(SeriesChannel Channel, CandleUpdate Update)>? updates = null;
            lock (book.Sync)
            {
                book.LastPublishTimestamp = _timeProvider.GetTimestamp();
                foreach (var channel in book.Channels)
                {
                    foreach (var closed in channel.PendingClosed)
                    {
                        (updates ??= []).Add((channel, new CandleUpdate(book.Builder.Symbol, channel.Interval, closed)));
                    }

                    channel.PendingClosed.Clear();
                    var version = book.Builder.VersionOf(channel.Interval);
                    if (version != channel.PublishedVersion && book.Builder.TryGetForming(channel.Interval, out var forming))
                    {
                        channel.PublishedVersion = version;
                        (updates ??= []).Add((channel, new CandleUpdate(book.Builder.Symbol, channel.Interval, forming)));
                    }
                }
            }

            if (updates is null)
            {
                return;
            }

            foreach (var (channel, update) in updates)
            {
                channel.Handlers.Invoke(update);
                _allUpdates.Invoke(update);
            }
        }
    }

    private void OnHandlerFailed(CandleUpdate update, Exception ex)
    {
        Interlocked.Increment(ref _handlerFailures);
        _logger.LogError(ex, "A live candle subscriber of {Symbol} {Interval} threw; the other subscribers go on", update.Symbol, update.Interval);
    }

    private sealed class Subscription(LiveCandleFeed feed, IDisposable handle) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                handle.Dispose();
                Interlocked.Decrement(ref feed._subscriptionCount);
            }
        }
    }
}
