namespace CandleDashboard.Core.Indicators;

/// <summary>What <see cref="IndicatorSeries.Replace"/> did.</summary>
public enum IndicatorReplacementKind
{
    /// <summary>
    /// The state before the replaced candle was restored from its checkpoint and the candles from it
    /// to the newest were replayed: every value equals a computation over the whole corrected series.
    /// </summary>
    Replayed,

    /// <summary>The replacement has the same open, high, low, close and volume: nothing to recompute (the candle is stored).</summary>
    Unchanged,

    /// <summary>
    /// The candle is older than the window the series holds, so no checkpoint reaches it: the
    /// calculator restarted from the oldest held candle and replayed the window. Values are now those
    /// of a series beginning there (warm-up restarts there; the anchored VWAP re-anchors there); the
    /// replaced candle itself is not held and not applied.
    /// </summary>
    RecomputedFromWindowStart,

    /// <summary>
    /// Nothing to replace: the open time is after the newest candle (add it instead), falls between
    /// two held candles, or precedes a series that never held it. Nothing changed.
    /// </summary>
    NotHeld,
}
