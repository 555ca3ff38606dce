using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Feeds;

/// <summary>
/// The subscribers of one series (symbol × interval) and what they have not been sent yet.
/// Handlers are an immutable array swapped on (un)subscribe, so publishing reads it without a lock.
/// </summary>
internal sealed class SeriesChannel(string symbol, Interval interval)
{
    private Action<CandleUpdate>[] _handlers = [];

    public string Symbol { get; } = symbol;

    public Interval Interval { get; } = interval;

    /// <summary>Closed candles waiting to be published (guarded by the symbol's lock).</summary>
    public List<Candle> PendingClosed { get; } = [];

    /// <summary>Builder version last published (guarded by the symbol's lock).</summary>
    public long PublishedVersion { get; set; } = -1;

    public Action<CandleUpdate>[] Handlers => Volatile.Read(ref _handlers);

    public bool HasSubscribers => Handlers.Length > 0;

    public void Add(Action<CandleUpdate> handler)
    {
        Action<CandleUpdate>[] current, updated;
        do
        {
            current = Volatile.Read(ref _handlers);
            updated = [.. current, handler];
        }
        while (Interlocked.CompareExchange(ref _handlers, updated, current) != current);
    }

    public bool Remove(Action<CandleUpdate> handler)
    {
        Action<CandleUpdate>[] current, updated;
        do
        {
            current = Volatile.Read(ref _handlers);
            var index = Array.IndexOf(current, handler);
            if (index < 0)
            {
                return false;
            }

            updated = [.. current[..index], .. current[(index + 1)..]];
        }
        while (Interlocked.CompareExchange(ref _handlers, updated, current) != current);

        return true;
    }
}
