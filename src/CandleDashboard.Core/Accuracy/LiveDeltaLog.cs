using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Accuracy;

/// <summary>
/// The live deltas of one series' last <see cref="Window"/> replaced candles (by open time), kept
/// with the live candle each came from, so a later correction of the official kline recomputes the
/// delta against what was actually shown. One per series, shared by every viewer. Thread-safe:
/// written by the buffers, read by charts, the API, the admin page and the metrics.
/// </summary>
public sealed class LiveDeltaLog
{
    private readonly object _sync = new();
    private readonly SortedList<long, (Candle Live, LiveDelta Delta)> _entries;
    private long _comparedSinceStart;
    private long _matchedSinceStart;

    public LiveDeltaLog(Series series, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        Series = series;
        Window = window;
        _entries = new SortedList<long, (Candle, LiveDelta)>(window + 1);
    }

    public Series Series { get; }

    public int Window { get; }

    /// <summary>
    /// Records the official kline replacing a closed live-built candle of the same open time. The
    /// same open time again (a duplicate delivery) replaces its entry and is counted once. A candle
    /// older than the whole full window is not kept (its delta is still returned).
    /// </summary>
    /// <exception cref="ArgumentException">See <see cref="LiveDelta.Between"/>.</exception>
    public LiveDelta Record(Candle live, Candle official)
    {
        var delta = LiveDelta.Between(live, official);
        lock (_sync)
        {
            var known = _entries.ContainsKey(delta.OpenTime);
            if (!known && _entries.Count >= Window && delta.OpenTime < _entries.Keys[0])
            {
                return delta;
            }

            _entries[delta.OpenTime] = (live, delta);
            if (!known)
            {
                _comparedSinceStart++;
                _matchedSinceStart += delta.Matched ? 1 : 0;
            }

            while (_entries.Count > Window)
            {
                _entries.RemoveAt(0);
            }
        }

        return delta;
    }

    /// <summary>
    /// An official kline replaced an earlier official one (the exchange corrected it): when the live
    /// candle of that open time is still in the window, its delta is recomputed against the new
    /// kline. The running totals are not changed (a counter never goes back). Null when the live
    /// candle is unknown (never built here, or out of the window).
    /// </summary>
    public LiveDelta? Revise(Candle official)
    {
        lock (_sync)
        {
            if (!_entries.TryGetValue(official.OpenTime, out var entry))
            {
                return null;
            }

            var delta = LiveDelta.Between(entry.Live, official);
            _entries[official.OpenTime] = (entry.Live, delta);
            return delta;
        }
    }

    /// <summary>The delta of the candle opening at <paramref name="openTime"/>, or null when its live version is not in the window.</summary>
    public LiveDelta? Find(long openTime)
    {
        lock (_sync)
        {
            return _entries.TryGetValue(openTime, out var entry) ? entry.Delta : null;
        }
    }

    /// <summary>The window's deltas, oldest first.</summary>
    public IReadOnlyList<LiveDelta> Deltas()
    {
        lock (_sync)
        {
            return [.. _entries.Values.Select(e => e.Delta)];
        }
    }

    public LiveAccuracy Accuracy
    {
        get
        {
            lock (_sync)
            {
                return LiveAccuracy.Of(Series, Window, [.. _entries.Values.Select(e => e.Delta)], _comparedSinceStart, _matchedSinceStart);
            }
        }
    }
}
