using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Indicators;

/// <summary>
/// One indicator over one series of candles, with the candles and values of a bounded window
/// (<see cref="Window"/>, default 1000) so that an official candle replacing a live one is applied by
/// replaying from that candle only, never the whole series.
/// </summary>
/// <remarks>
/// <para><b>Closed candles</b> (<see cref="Add"/>): O(1), allocation-free — the calculator's update plus
/// a checkpoint of its state and the candle and value stored in rings.</para>
/// <para><b>The forming candle</b> (<see cref="Preview"/>): the calculator's "what if it closed now" on
/// the last closed state, which it does not change.</para>
/// <para><b>Replacement</b> (<see cref="Replace"/>) of the candle at open time T held in the window: the
/// calculator is rewound to its checkpoint before T and the candles T … newest are replayed (cost
/// proportional to how far back T is), so every value equals a computation over the whole corrected
/// series. A replacement with the same open, high, low, close and volume recomputes nothing. A candle
/// older than the window cannot be undone (its effect is folded into every later state): the series
/// says so (<see cref="IndicatorReplacementKind.RecomputedFromWindowStart"/>) and restarts the
/// calculator from the oldest held candle. Official klines arrive within minutes of the close and the
/// reconciler looks back 1000 open times, hence the default window.</para>
/// <para>Memory per series: the window's candles and values (~200 bytes a candle), the calculator's
/// checkpoints (tens of bytes a candle) and, for windowed indicators, period + window inputs.</para>
/// <para>Not thread-safe: one writer per series.</para>
/// </remarks>
public sealed class IndicatorSeries
{
    public const int DefaultWindow = 1000;

    private readonly Indicator _indicator;
    private readonly Candle[] _candles;
    private readonly IndicatorValue[] _values;

    // Candles ever added; the candle added as number n (0-based) lives in ring slot n % Window.
    private long _added;
    private int _count;

    public IndicatorSeries(IndicatorSpec spec, int window = DefaultWindow)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _indicator = IndicatorFactory.Create(spec, rewindDepth: window);
        _candles = new Candle[window];
        _values = new IndicatorValue[window];
    }

    public IndicatorSpec Spec => _indicator.Spec;

    /// <summary>Closed candles needed before the first value (<see cref="IndicatorSpec.WarmUpPeriod"/>).</summary>
    public int WarmUpPeriod => _indicator.WarmUpPeriod;

    /// <summary>The most candles (and values) held, and the furthest back a replacement is replayed.</summary>
    public int Window => _candles.Length;

    /// <summary>Candles held (at most <see cref="Window"/>).</summary>
    public int Count => _count;

    /// <summary>Candles added since the series began, including those no longer held.</summary>
    public long TotalAdded => _added;

    /// <summary>The value at the newest closed candle.</summary>
    public IndicatorValue Latest => _indicator.Current;

    public long? FirstOpenTime => _count == 0 ? null : CandleAt(0).OpenTime;

    public long? LastOpenTime => _count == 0 ? null : CandleAt(_count - 1).OpenTime;

    /// <summary>Adds the next closed candle and returns its value; O(1), allocation-free.</summary>
    /// <exception cref="ArgumentException">The candle does not open after the newest held one (use <see cref="Replace"/>).</exception>
    public IndicatorValue Add(in Candle closed)
    {
        if (_count > 0 && closed.OpenTime <= _candles[Slot(_added - 1)].OpenTime)
        {
            throw new ArgumentException($"A candle opening at {closed.OpenTime} does not follow the newest held candle ({_candles[Slot(_added - 1)].OpenTime}); replace it instead.", nameof(closed));
        }

        var value = _indicator.Update(in closed);
        var slot = Slot(_added);
        _candles[slot] = closed;
        _values[slot] = value;
        _added++;
        if (_count < _candles.Length)
        {
            _count++;
        }

        return value;
    }

    /// <summary>
    /// The value the newest candle would have if <paramref name="forming"/> closed now; changes nothing.
    /// O(1), allocation-free.
    /// </summary>
    public IndicatorValue Preview(in Candle forming) => _indicator.Preview(in forming);

    /// <summary>
    /// Replaces the held candle with <paramref name="official"/>'s open time and updates every value
    /// from it to the newest; see <see cref="IndicatorReplacementKind"/> for the cases. Allocation-free.
    /// </summary>
    public IndicatorReplacement Replace(in Candle official)
    {
        if (_count == 0 || official.OpenTime > _candles[Slot(_added - 1)].OpenTime)
        {
            return new(IndicatorReplacementKind.NotHeld, 0, null);
        }

        var first = _added - _count;
        if (official.OpenTime < _candles[Slot(first)].OpenTime)
        {
            if (_added == _count)
            {
                // The series began after this candle: it was never part of it.
                return new(IndicatorReplacementKind.NotHeld, 0, null);
            }

            _indicator.Reset();
            Replay(0);
            return new(IndicatorReplacementKind.RecomputedFromWindowStart, _count, _candles[Slot(first)].OpenTime);
        }

        var index = IndexOf(official.OpenTime);
        if (index < 0)
        {
            return new(IndicatorReplacementKind.NotHeld, 0, null);
        }

        ref var held = ref _candles[Slot(first + index)];
        var unchanged = held.Open == official.Open && held.High == official.High && held.Low == official.Low
            && held.Close == official.Close && held.Volume == official.Volume;
        held = official;
        if (unchanged)
        {
            return new(IndicatorReplacementKind.Unchanged, 0, null);
        }

        _indicator.Rewind(_count - index);
        Replay(index);
        return new(IndicatorReplacementKind.Replayed, _count - index, official.OpenTime);
    }

    /// <summary>The held candle at <paramref name="index"/> (0 = oldest held).</summary>
    public Candle CandleAt(int index) => _candles[Slot(CheckedSample(index))];

    /// <summary>The value at the held candle at <paramref name="index"/> (0 = oldest held).</summary>
    public IndicatorValue ValueAt(int index) => _values[Slot(CheckedSample(index))];

    /// <summary>The value at the held candle opening at <paramref name="openTime"/>, if held.</summary>
    public bool TryGetValue(long openTime, out IndicatorValue value)
    {
        var index = IndexOf(openTime);
        value = index < 0 ? default : _values[Slot(_added - _count + index)];
        return index >= 0;
    }

    /// <summary>The index (0 = oldest held) of the candle opening at <paramref name="openTime"/>, or −1; a binary search.</summary>
    public int IndexOf(long openTime)
    {
        var first = _added - _count;
        int low = 0, high = _count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var time = _candles[Slot(first + middle)].OpenTime;
            if (time == openTime)
            {
                return middle;
            }

            if (time < openTime)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    private void Replay(int fromIndex)
    {
        var first = _added - _count;
        for (var i = fromIndex; i < _count; i++)
        {
            var slot = Slot(first + i);
            _values[slot] = _indicator.Update(in _candles[slot]);
        }
    }

    private long CheckedSample(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
        return _added - _count + index;
    }

    private int Slot(long sample) => (int)(sample % _candles.Length);
}
