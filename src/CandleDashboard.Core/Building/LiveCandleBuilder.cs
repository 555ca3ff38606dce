using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Building;

/// <summary>
/// Builds the forming candle of every configured interval of one symbol at once from its trades
/// (incremental multi-timeframe aggregation: each trade updates all intervals, no interval is
/// derived from another, so each is exact on its own).
/// </summary>
/// <remarks>
/// <para>A candle closes when a trade of a later bucket arrives, or when <see cref="AdvanceTo"/> is
/// told the clock has passed its end, so a quiet market still closes candles on time.</para>
/// <para>Decisions (see docs/architecture.md):</para>
/// <list type="bullet">
/// <item>A bucket with no trades becomes a flat candle at the previous close with zero volume and
/// zero trades, as Binance and Kraken publish empty buckets. Before the first trade nothing exists.
/// At most <see cref="LiveCandleBuilderOptions.MaxEmptyBucketsFilled"/> empty buckets are emitted
/// per gap; older ones come from history.</item>
/// <item>The first trade of a bucket sets its open (exchange rule), even when the bucket was
/// started flat by the clock.</item>
/// <item>A late trade (older than an interval's forming bucket) is applied only to the intervals
/// whose bucket is still forming; closed live candles are never reopened — the fetcher's
/// official kline is the correction.</item>
/// </list>
/// <para>Not thread-safe: one caller at a time (the live feed serializes per symbol). The
/// per-trade path allocates nothing.</para>
/// </remarks>
public sealed class LiveCandleBuilder
{
    private readonly Interval[] _intervals;
    private readonly FormingCandle[] _forming;

    // The newest closed candle per interval: until the fetcher commits its official kline, a chart
    // opening just after a boundary needs it to avoid a hole between history and the forming candle.
    private readonly Candle?[] _lastClosed;
    private readonly TimeProvider _timeProvider;
    private readonly long _maxFutureSkewMs;
    private readonly int _maxEmptyBucketsFilled;

    // The future-time check compares with a cached clock reading and only asks the clock again
    // when a trade looks too new, so the hot path makes no clock call.
    private long _cachedNow = long.MinValue;

    public LiveCandleBuilder(string symbol, IReadOnlyList<Interval> intervals, TimeProvider timeProvider, LiveCandleBuilderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        ArgumentNullException.ThrowIfNull(intervals);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (intervals.Count == 0)
        {
            throw new ArgumentException("At least one interval is required.", nameof(intervals));
        }

        options ??= new LiveCandleBuilderOptions();
        Symbol = symbol;
        _intervals = intervals.Distinct().ToArray();
        _forming = new FormingCandle[_intervals.Length];
        _lastClosed = new Candle?[_intervals.Length];
        _timeProvider = timeProvider;
        _maxFutureSkewMs = (long)options.MaxFutureSkew.TotalMilliseconds;
        _maxEmptyBucketsFilled = options.MaxEmptyBucketsFilled;
    }

    /// <summary>Raised synchronously, in time order per interval, for every candle that closes.</summary>
    public event Action<Interval, Candle>? CandleClosed;

    public string Symbol { get; }

    public IReadOnlyList<Interval> Intervals => _intervals;

    public long AcceptedTrades { get; private set; }

    public long LateTrades { get; private set; }

    public long RejectedTrades { get; private set; }

    /// <summary>Time of the newest trade applied, or null before the first.</summary>
    public long? LastTradeTime { get; private set; }

    /// <summary>Price of the newest trade applied (by arrival), or null before the first.</summary>
    public decimal? LastPrice { get; private set; }

    public TradeOutcome Apply(in Trade trade)
    {
        if (!IsValid(trade))
        {
            RejectedTrades++;
            return TradeOutcome.Rejected;
        }

        var quote = trade.Price * trade.Quantity;
        var late = false;
        for (var i = 0; i < _forming.Length; i++)
        {
            ref var bar = ref _forming[i];
            if (bar.HasValue && trade.Time >= bar.OpenTime && trade.Time < bar.EndTime)
            {
                bar.Add(trade.Price, trade.Quantity, quote);
                continue;
            }

            if (bar.HasValue && trade.Time < bar.OpenTime)
            {
                late = true;
                continue;
            }

            RollTo(i, _intervals[i].Floor(trade.Time));
            _forming[i].Add(trade.Price, trade.Quantity, quote);
        }

        LastPrice = trade.Price;
        if (LastTradeTime is not { } last || trade.Time > last)
        {
            LastTradeTime = trade.Time;
        }

        if (late)
        {
            LateTrades++;
            return TradeOutcome.Late;
        }

        AcceptedTrades++;
        return TradeOutcome.Accepted;
    }

    /// <summary>
    /// Tells the builder the clock reads <paramref name="now"/> (UTC epoch ms): every forming
    /// candle whose bucket has ended closes, and a flat candle opens for the current bucket.
    /// </summary>
    public void AdvanceTo(long now)
    {
        for (var i = 0; i < _forming.Length; i++)
        {
            ref var bar = ref _forming[i];
            if (bar.HasValue && now >= bar.EndTime)
            {
                RollTo(i, _intervals[i].Floor(now));
            }
        }
    }

    /// <summary>
    /// Continues <paramref name="forming"/> (a forming candle saved before a restart) as this
    /// interval's forming candle, so the bucket's open, high, low and volume so far are kept. Only
    /// when nothing of the interval has been built yet and the candle is the current bucket's by the
    /// clock: an older bucket is history (its official kline comes from the exchange), and a bucket
    /// already built here must not count its trades twice.
    /// </summary>
    public bool Resume(Interval interval, Candle forming)
    {
        var index = IndexOf(interval);
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        if (index < 0 || _forming[index].HasValue || forming.IsClosed || forming.OpenTime != interval.Floor(now)
            || forming.TradeCount <= 0 || forming.Volume <= 0m || forming.Low <= 0m
            || forming.Open < forming.Low || forming.Open > forming.High || forming.Close < forming.Low || forming.Close > forming.High)
        {
            return false;
        }

        _forming[index].Resume(forming, interval.Milliseconds);
        return true;
    }

    /// <summary>
    /// Sets <paramref name="interval"/>'s forming candle to <paramref name="forming"/>, a state this builder had
    /// before (saved by a bulk import at its checkpoint), whatever the clock says: the next trades continue that
    /// bucket exactly as if the builder had never stopped. Unlike <see cref="Resume"/> (a live restart, which
    /// must not take an old bucket), this trusts the caller; the candle must hold at least one trade.
    /// </summary>
    public void Restore(Interval interval, Candle forming)
    {
        var index = IndexOf(interval);
        if (index < 0)
        {
            throw new ArgumentException($"Interval {interval} is not built here.", nameof(interval));
        }

        if (forming.TradeCount <= 0 || forming.OpenTime != interval.Floor(forming.OpenTime))
        {
            throw new ArgumentException("A restored candle holds at least one trade and opens on its interval's grid.", nameof(forming));
        }

        _forming[index].Resume(forming, interval.Milliseconds);
    }

    /// <summary>
    /// Takes <paramref name="candle"/> as another instance built it (<see cref="Feeds.ILiveCandleRelay"/>): a forming
    /// candle becomes this interval's forming candle as it is, a closed one its newest closed candle (raising
    /// <see cref="CandleClosed"/>, and ending the forming candle it closes). <paramref name="lastClosed"/>, sent with a
    /// forming candle, fills the newest closed candle of an instance that joined after it closed. The instance that
    /// builds from trades decides what closes when, so a mirrored builder is not advanced by its own clock; when it
    /// takes over the exchange connection, its trades continue the mirrored bucket.
    /// </summary>
    public void Mirror(Interval interval, Candle candle, Candle? lastClosed = null)
    {
        var index = IndexOf(interval);
        if (index < 0)
        {
            throw new ArgumentException($"Interval {interval} is not built here.", nameof(interval));
        }

        ref var bar = ref _forming[index];
        if (candle.IsClosed)
        {
            if (bar.HasValue && bar.OpenTime <= candle.OpenTime)
            {
                bar.HasValue = false;
            }

            Close(index, candle);
            return;
        }

        bar.Resume(candle, interval.Milliseconds);
        LastPrice = candle.Close;
        if (lastClosed is { } previous && previous.OpenTime < candle.OpenTime
            && (_lastClosed[index] is not { } known || known.OpenTime < previous.OpenTime))
        {
            _lastClosed[index] = previous;
        }
    }

    /// <summary>The forming candle of <paramref name="interval"/>, if a trade has been seen.</summary>
    public bool TryGetForming(Interval interval, out Candle candle)
    {
        var index = IndexOf(interval);
        if (index >= 0 && _forming[index].HasValue)
        {
            candle = _forming[index].ToCandle(isClosed: false);
            return true;
        }

        candle = default;
        return false;
    }

    /// <summary>The newest candle of <paramref name="interval"/> that closed here, if any.</summary>
    public bool TryGetLastClosed(Interval interval, out Candle candle)
    {
        var index = IndexOf(interval);
        candle = index >= 0 && _lastClosed[index] is { } closed ? closed : default;
        return index >= 0 && _lastClosed[index] is not null;
    }

    /// <summary>A number that changes whenever the forming candle of the interval changes (for coalescing publishers).</summary>
    public long VersionOf(Interval interval)
    {
        var index = IndexOf(interval);
        return index >= 0 ? _forming[index].Version : -1;
    }

    public int IndexOf(Interval interval) => Array.IndexOf(_intervals, interval);

    private bool IsValid(in Trade trade)
    {
        if (trade.Price <= 0m || trade.Quantity <= 0m)
        {
            return false;
        }

        if (trade.Time > _cachedNow + _maxFutureSkewMs)
        {
            _cachedNow = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            return trade.Time <= _cachedNow + _maxFutureSkewMs;
        }

        return true;
    }

    /// <summary>Closes the forming candle of interval <paramref name="i"/>, fills empty buckets up to <paramref name="bucket"/>, and starts that bucket flat.</summary>
    private void RollTo(int i, long bucket)
    {
        ref var bar = ref _forming[i];
        var interval = _intervals[i];
        if (!bar.HasValue)
        {
            bar.StartEmpty(bucket, interval.Milliseconds, 0m);
            return;
        }

        Close(i, bar.ToCandle(isClosed: true));
        var close = bar.Close;
        var firstEmpty = bar.EndTime;
        var emptyBuckets = (bucket - firstEmpty) / interval.Milliseconds;
        if (emptyBuckets > _maxEmptyBucketsFilled)
        {
            firstEmpty = bucket - (_maxEmptyBucketsFilled * interval.Milliseconds);
        }

        for (var openTime = firstEmpty; openTime < bucket; openTime += interval.Milliseconds)
        {
            Close(i, new Candle(openTime, close, close, close, close, 0m, 0m, 0, true, CandleSource.Live));
        }

        bar.StartEmpty(bucket, interval.Milliseconds, close);
    }

    private void Close(int i, Candle closed)
    {
        _lastClosed[i] = closed;
        CandleClosed?.Invoke(_intervals[i], closed);
    }
}
