using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// Hands live updates from the feed's thread to the component's renderer context with at most
/// one drain loop running. While a browser call is in flight (slow network, busy tab), further
/// updates of the same candle collapse to the latest, but a candle with another open time is
/// kept — so a closed candle is never lost to the next one's first update. This keeps the
/// Core feed's "≤ 10/s, latest wins" promise end to end instead of queueing without bound.
/// Official candles (after data_updated) queue here too, so they go through the same single
/// drain as live updates and can never overtake or interleave with one. Thread-safe.
/// </summary>
/// <remarks>
/// Bounded, because the browser may stall (a frozen tab, a dead network) while its circuit lives
/// on for up to a minute per call (<c>CircuitOptions.JSInteropDefaultCallTimeout</c>) and then for
/// the disconnected-circuit retention: at most <see cref="MaxLive"/> live candles (a stalled tab
/// of a 15s chart reaches that after 16 minutes) and <see cref="MaxOfficial"/> official ones (all a
/// chart can show). Past the bound the oldest is dropped and counted; a dropped closed candle is a
/// hole only until its official kline replaces it (the fetcher commits every closed bucket).
/// </remarks>
public sealed class PendingCandles
{
    /// <summary>Live candles kept while the drain is held up (one per open time; the newest are kept).</summary>
    public const int MaxLive = 64;

    /// <summary>Official candles kept while the drain is held up: as many as a chart shows.</summary>
    public const int MaxOfficial = CandleChart.MaxCandles;

    private readonly Lock _gate = new();
    private long _dropped;
    private readonly SortedList<long, Candle> _pending = [];
    private readonly SortedList<long, Candle> _official = [];
    private readonly Dictionary<IndicatorSpec, SortedList<long, IndicatorValue>> _indicators = [];
    private bool _draining;

    /// <param name="startHeld">
    /// True to collect updates without asking for a drain until <see cref="TakeOrRelease"/> is
    /// first called (used while history loads: updates that arrive meanwhile are applied after it).
    /// </param>
    public PendingCandles(bool startHeld = false) => _draining = startHeld;

    /// <summary>Candles dropped because the queue was at its bound (the browser did not keep up).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Candles waiting now (live and official).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count + _official.Count;
            }
        }
    }

    /// <summary>Adds an update; returns true when the caller must start a drain loop.</summary>
    public bool Offer(in Candle candle)
    {
        lock (_gate)
        {
            _pending[candle.OpenTime] = candle;
            TrimOldest(_pending, MaxLive);
            if (_draining)
            {
                return false;
            }

            _draining = true;
            return true;
        }
    }

    /// <summary>
    /// Adds official candles of a committed range (one per open time; a later commit of the same
    /// bucket wins). Returns true when the caller must start a drain loop.
    /// </summary>
    public bool OfferOfficial(IReadOnlyList<Candle> candles)
    {
        lock (_gate)
        {
            foreach (var candle in candles)
            {
                _official[candle.OpenTime] = candle;
            }

            TrimOldest(_official, MaxOfficial);

            if (_draining || candles.Count == 0)
            {
                return false;
            }

            _draining = true;
            return true;
        }
    }

    /// <summary>
    /// Adds new values of one of the chart's indicators (one per open time; a later value wins, as a
    /// replacement supersedes what the calculator said before). Returns true when the caller must start a
    /// drain loop. Bounded like official candles: a stalled tab keeps at most what a chart shows.
    /// </summary>
    public bool OfferIndicator(IndicatorUpdate update)
    {
        lock (_gate)
        {
            if (!_indicators.TryGetValue(update.Key.Spec, out var values))
            {
                values = [];
                _indicators[update.Key.Spec] = values;
            }

            foreach (var value in update.Values)
            {
                values[value.OpenTime] = value;
            }

            TrimOldest(values, MaxOfficial);
            if (_draining || update.Values.Count == 0)
            {
                return false;
            }

            _draining = true;
            return true;
        }
    }

    /// <summary>
    /// Ends a drain that failed before it emptied the queue, keeping what is pending: the next
    /// offer starts a new drain instead of finding one "running" forever.
    /// </summary>
    public void Release()
    {
        lock (_gate)
        {
            _draining = false;
        }
    }

    /// <summary>
    /// Takes everything pending, oldest first. Returns an empty batch — and ends the drain, so the
    /// next offer starts a new one — when nothing is pending.
    /// </summary>
    public PendingBatch TakeOrRelease()
    {
        lock (_gate)
        {
            if (_pending.Count == 0 && _official.Count == 0 && _indicators.Count == 0)
            {
                _draining = false;
                return PendingBatch.Empty;
            }

            var batch = new PendingBatch(
                _pending.Values.ToArray(),
                _official.Values.ToArray(),
                [.. _indicators.Select(i => ChartIndicatorValues.From(i.Key, i.Value.Values))]);
            _pending.Clear();
            _official.Clear();
            _indicators.Clear();
            return batch;
        }
    }

    private void TrimOldest<T>(SortedList<long, T> queue, int max)
    {
        while (queue.Count > max)
        {
            queue.RemoveAt(0);
            Interlocked.Increment(ref _dropped);
        }
    }
}
