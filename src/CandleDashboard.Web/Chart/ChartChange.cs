namespace CandleDashboard.Web.Chart;

/// <summary>What an incoming candle does to a drawn series.</summary>
public enum ChartChange
{
    /// <summary>Older than the last drawn candle (or a duplicate): nothing to send.</summary>
    Ignored,

    /// <summary>Same open time as the last candle: the forming candle changed or it closed.</summary>
    ReplacedLast,

    /// <summary>A newer open time: a new candle starts.</summary>
    Appended,
}
