using System.Collections.Concurrent;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Components.Tests.Infrastructure;

/// <summary>
/// Live candles under the test's control: per-symbol activity it sets, handlers it can push
/// updates to, and a count of subscriptions taken and released (a leaked handler keeps a closed
/// chart alive in production).
/// </summary>
public sealed class StubLiveCandleStream : ILiveCandleStream
{
    private readonly Lock _gate = new();
    private readonly List<Subscription> _active = [];
    private int _subscribed;
    private int _released;

    public ConcurrentDictionary<string, SymbolActivity> Activity { get; } = new(StringComparer.Ordinal);

    public int Subscribed => Volatile.Read(ref _subscribed);

    public int Released => Volatile.Read(ref _released);

    public int SubscriptionCount
    {
        get
        {
            lock (_gate)
            {
                return _active.Count;
            }
        }
    }

    public SymbolActivity? GetActivity(string symbol) => Activity.TryGetValue(symbol, out var activity) ? activity : null;

    public IReadOnlyList<Candle> GetLiveCandles(string symbol, Interval interval) => [];

    public bool TryGetForming(string symbol, Interval interval, out Candle candle)
    {
        candle = default;
        return false;
    }

    public IDisposable Subscribe(string symbol, Interval interval, Action<CandleUpdate> onUpdate)
    {
        var subscription = new Subscription(this, symbol, interval, onUpdate);
        lock (_gate)
        {
            _active.Add(subscription);
        }

        Interlocked.Increment(ref _subscribed);
        return subscription;
    }

    public IDisposable SubscribeAll(Action<CandleUpdate> onUpdate) =>
        throw new NotSupportedException("Components subscribe to single series.");

    /// <summary>Hands an update to the series' subscribers, as the feed does from its own thread.</summary>
    public void Push(CandleUpdate update)
    {
        Subscription[] targets;
        lock (_gate)
        {
            targets = [.. _active.Where(s => s.Symbol == update.Symbol && s.Interval == update.Interval)];
        }

        foreach (var target in targets)
        {
            target.Handler(update);
        }
    }

    private sealed class Subscription(StubLiveCandleStream owner, string symbol, Interval interval, Action<CandleUpdate> handler) : IDisposable
    {
        private int _disposed;

        public string Symbol { get; } = symbol;

        public Interval Interval { get; } = interval;

        public Action<CandleUpdate> Handler { get; } = handler;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            lock (owner._gate)
            {
                owner._active.Remove(this);
            }

            Interlocked.Increment(ref owner._released);
        }
    }
}
