using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Buffers;

/// <summary>
/// The newest closed candles of one series, kept in memory for instant reads.
/// One candle per open time; an official candle is never replaced by a live one.
/// </summary>
public sealed class CandleBuffer(string symbol, Interval interval, int capacity)
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
        if (candle.Source == CandleSource.Live
            && _candles.TryGetValue(candle.OpenTime, out var existing)
            && existing.Source == CandleSource.Official)
        {
            return false;
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
