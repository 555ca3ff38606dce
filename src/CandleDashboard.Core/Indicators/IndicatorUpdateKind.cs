namespace CandleDashboard.Core.Indicators;

/// <summary>What an <see cref="IndicatorUpdate"/> carries.</summary>
public enum IndicatorUpdateKind
{
    /// <summary>The forming candle's value ("if it closed now"), as the candle changes.</summary>
    Forming,

    /// <summary>The value of a candle that just closed.</summary>
    Closed,

    /// <summary>
    /// Values from a replaced candle (an official kline, a live candle sent again) to the newest closed
    /// one, then the forming candle's value again: each supersedes the value a viewer holds for that open time.
    /// </summary>
    Replaced,
}
