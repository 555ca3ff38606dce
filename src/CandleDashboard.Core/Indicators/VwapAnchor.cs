namespace CandleDashboard.Core.Indicators;

/// <summary>Where a VWAP starts accumulating.</summary>
public enum VwapAnchor
{
    /// <summary>The UTC day: sums restart with the first candle opening at or after 00:00 UTC (<c>vwap</c>).</summary>
    Session,

    /// <summary>The first candle of the loaded range, never restarting (<c>avwap</c>).</summary>
    FirstCandle,
}
