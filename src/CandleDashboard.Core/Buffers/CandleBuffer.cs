using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Buffers;

/// <summary>
/// The newest closed candles of one series, kept in memory for instant reads.
/// One candle per open time; an official candle is never replaced by a live one.
/// Where an official candle meets the live-built one of its open time (either arriving first), the
/// difference goes to <paramref name="liveDeltas"/>: the buffer is the one place that sees both
/// for every series, watched or not.
/// </summary>
public sealed class CandleBuffer(string symbol, Interval interval, int capacity, LiveDeltaLog? liveDeltas = null)
{
    private readonly object _sync = new();
    private readonly SortedList<long, Candle> _candles = new(capacity + 1);
    private BufferState _state = BufferState.Loading;
    private string? _loadedFrom;
    private string? _lastError;
    private DateTimeOffset? _lastUpdated;

    public string Symbol { get; } = symbol;

    public Interval Interval { get; } = interval;

    public int Capacity { get; } = capacity;

    public CandleBufferStatus Status
    {
        get
        {
            lock (_sync)
            {
                return new CandleBufferStatus(Symbol, Interval, _candles.Count, Capacity, _lastUpdated, _loadedFrom, _state, _lastError);
            }
        }
    }

    /// <summary>The buffered candles, oldest first.</summary>
    public IReadOnlyList<Candle> Snapshot()
    {
        lock (_sync)
        {
            return [.. _candles.Values];
        }
    }

    /// <summary>Fills the buffer from loaded history (closed candles only) and marks it ready.</summary>
    public void Load(IEnumerable<Candle> history, string source, DateTimeOffset now)
    {
        lock (_sync)
        {
            foreach (var candle in history.Where(c => c.IsClosed))
            {
                Put(candle);
            }

            _loadedFrom = source;
            _state = BufferState.Ready;
            _lastError = null;
            _lastUpdated = now;
        }
    }

    public void MarkDegraded(string error, DateTimeOffset now)
    {
        lock (_sync)
        {
            _state = BufferState.Degraded;
            _lastError = error;
            _lastUpdated = now;
        }
    }

    /// <summary>Takes closed candles (live-built or official); open ones are ignored.</summary>
    public void Apply(IEnumerable<Candle> closed, DateTimeOffset now)
    {
        lock (_sync)
        {
            var changed = false;
            foreach (var candle in closed)
            {
                changed |= candle.IsClosed && Put(candle);
            }

            if (changed)
            {
                _lastUpdated = now;
            }
        }
    }

    private bool Put(Candle candle)
    {
        var held = _candles.TryGetValue(candle.OpenTime, out var existing);
        if (candle.Source == CandleSource.Live && held && existing.IsOfficial())
        {
            // The official kline was committed before the live candle closed (the fetcher runs on
            // the exchange's clock, the feed may close a quiet bucket later): still a comparison.
            liveDeltas?.Record(candle, existing);
            return false;
        }

        if (held && candle.IsOfficial())
        {
            if (existing.Source == CandleSource.Live)
            {
                liveDeltas?.Record(existing, candle);
            }
            else if (existing != candle)
            {
                liveDeltas?.Revise(candle);
            }
        }

        if (_candles.Count >= Capacity && candle.OpenTime < _candles.Keys[0])
        {
            return false; // older than everything kept: not worth a slot
        }

        _candles[candle.OpenTime] = candle;
        while (_candles.Count > Capacity)
        {
            _candles.RemoveAt(0);
        }

        return true;
    }
}
