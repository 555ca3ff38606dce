namespace CandleDashboard.Simulator.Market;

/// <summary>
/// The klines of one symbol × interval, kept contiguous (one bar per bucket, empty buckets included)
/// so a bucket's bar is found by arithmetic, and updated trade by trade: no request ever re-scans trades.
/// Not thread-safe; <see cref="SymbolMarket"/> guards it.
/// </summary>
internal sealed class KlineSeries
{
    private readonly List<KlineBar> _bars = [];
    private readonly long _windowStart;
    private readonly int _maxBars;

    /// <param name="length">Bucket length in ms (any fixed length: Binance's 1s…1d, Kraken's 1m…15d); buckets start at multiples of it since the epoch.</param>
    /// <param name="windowStart">Trades before this instant are not aggregated (keeps deep history small for fine intervals).</param>
    /// <param name="maxBars">Retention: beyond this the oldest tenth is dropped.</param>
    public KlineSeries(long length, long windowStart, int maxBars)
    {
        Length = length;
        _windowStart = Floor(windowStart);
        _maxBars = Math.Max(10, maxBars);
    }

    /// <summary>Bucket length in ms.</summary>
    public long Length { get; }

    public void Add(in SimTrade trade)
    {
        var bucket = Floor(trade.Time);
        if (bucket < _windowStart)
        {
            return;
        }

        if (_bars.Count == 0)
        {
            var first = KlineBar.Flat(bucket, trade.PriceUnits);
            first.Add(trade);
            _bars.Add(first);
            return;
        }

        var index = IndexOf(bucket);
        if (index < 0)
        {
            return; // older than what is retained
        }

        if (index < _bars.Count)
        {
            // Trades arrive in time order, so this is the forming bar (or, at worst, a late trade for a recent one).
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_bars);
            span[index].Add(trade);
            return;
        }

        // Buckets skipped since the last trade become flat bars at the last close, as Binance shows them.
        var lastClose = _bars[^1].Close;
        for (var openTime = _bars[^1].OpenTime + Length; openTime < bucket; openTime += Length)
        {
            _bars.Add(KlineBar.Flat(openTime, lastClose));
        }

        var bar = KlineBar.Flat(bucket, lastClose);
        bar.Add(trade);
        _bars.Add(bar);
        TrimIfTooLong();
    }

    /// <summary>
    /// Copies bars with open time in [<paramref name="from"/>, <paramref name="to"/>], oldest first, at most
    /// <paramref name="limit"/>; taken from the newest end when <paramref name="newestFirst"/>. Buckets after the
    /// last trade up to <paramref name="now"/> are served as flat bars without being stored.
    /// </summary>
    public List<KlineBar> Read(long from, long to, int limit, bool newestFirst, long now)
    {
        var result = new List<KlineBar>(Math.Min(limit, 1000));
        if (_bars.Count == 0 || limit <= 0)
        {
            return result;
        }

        var step = Length;
        var first = _bars[0].OpenTime;
        var lastStored = _bars[^1].OpenTime;
        var lastServable = Math.Max(lastStored, Floor(now));
        var start = Math.Max(first, CeilToBucket(from));
        var end = Math.Min(lastServable, Floor(to));
        if (start > end)
        {
            return result;
        }

        var count = (end - start) / step + 1;
        if (count > limit)
        {
            if (newestFirst)
            {
                start = end - (limit - 1) * step;
            }
            else
            {
                end = start + (limit - 1) * step;
            }
        }

        var lastClose = _bars[^1].Close;
        for (var openTime = start; openTime <= end; openTime += step)
        {
            result.Add(openTime <= lastStored ? _bars[IndexOf(openTime)] : KlineBar.Flat(openTime, lastClose));
        }

        return result;
    }

    private long Floor(long time)
    {
        var rem = time % Length;
        return rem >= 0 ? time - rem : time - rem - Length;
    }

    private long CeilToBucket(long time)
    {
        var floor = Floor(time);
        return floor == time ? time : floor + Length;
    }

    private int IndexOf(long bucket)
    {
        var index = (bucket - _bars[0].OpenTime) / Length;
        return index > int.MaxValue ? int.MaxValue : (int)index;
    }

    private void TrimIfTooLong()
    {
        if (_bars.Count > _maxBars)
        {
            _bars.RemoveRange(0, _maxBars / 10);
        }
    }
}
