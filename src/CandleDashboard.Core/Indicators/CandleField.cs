using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Indicators;

/// <summary>Which number of a candle a single-input indicator averages.</summary>
public enum CandleField
{
    Close,

    /// <summary>Base-asset volume (for the volume moving average).</summary>
    Volume,
}

internal static class CandleFieldExtensions
{
    public static decimal Of(this CandleField field, in Candle candle) => field == CandleField.Volume ? candle.Volume : candle.Close;
}
