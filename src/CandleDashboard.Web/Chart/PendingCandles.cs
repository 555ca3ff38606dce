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
public sealed class PendingCandles
{
    private readonly Lock _gate = new();
    private readonly SortedList<long, Candle> _pending = [];
    private readonly SortedList<long, Candle> _official = [];
    private bool _draining;

    /// <param name="startHeld">
    /// True to collect updates without asking for a drain until <see cref="TakeOrRelease"/> is
    /// first called (used while history loads: updates that arrive meanwhile are applied after it).
    /// </param>
    public PendingCandles(bool startHeld = false) => _draining = startHeld;

    /// <summary>Adds an update; returns true when the caller must start a drain loop.</summary>
    public bool Offer(in Candle candle)
    {
        lock (_gate)
        {
            _pending[candle.OpenTime] = candle;
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

            if (_draining || candles.Count == 0)
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
            if (_pending.Count == 0 && _official.Count == 0)
            {
                _draining = false;
                return PendingBatch.Empty;
            }

            var batch = new PendingBatch(_pending.Values.ToArray(), _official.Values.ToArray());
            _pending.Clear();
            _official.Clear();
            return batch;
        }
    }
}
