using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Indicators;

/// <summary>
/// How many closed candles of history an indicator is fed before the first candle it draws, so that
/// the first drawn value is already the value a computation over the whole series gives (or, for the
/// exponential kinds, as close as their fading memory allows).
/// </summary>
public static class IndicatorWarmUp
{
    /// <summary>
    /// The most candles of warm-up ever loaded: a session VWAP of 1s candles would need up to a day
    /// (86,400) of them; beyond this its first drawn values cover only the last part of the session.
    /// </summary>
    public const int MaxCandles = 2000;

    /// <summary>
    /// Candles before <paramref name="firstOpenTime"/> to feed first: <see cref="IndicatorSpec.WarmUpPeriod"/>
    /// (so the first drawn candle has a value, and an EMA-type one has had a period of smoothing before
    /// it), the session so far for the session VWAP, none for the VWAP anchored to the drawn range.
    /// </summary>
    public static int CandlesBefore(IndicatorSpec spec, Interval interval, long firstOpenTime)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (ReferenceEquals(spec.Kind, IndicatorKind.AnchoredVwap))
        {
            return 0;
        }

        if (ReferenceEquals(spec.Kind, IndicatorKind.Vwap))
        {
            var sinceMidnight = firstOpenTime - Interval.OneDay.Floor(firstOpenTime);
            return (int)Math.Min(MaxCandles, sinceMidnight / interval.Milliseconds);
        }

        return Math.Min(MaxCandles, spec.WarmUpPeriod);
    }
}
