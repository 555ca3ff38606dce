namespace CandleDashboard.Core.Market;

/// <summary>The one test for "final exchange data", so a new official source cannot be missed at a use.</summary>
public static class CandleSourceExtensions
{
    /// <summary>True for the exchange's kline and for candles built from the exchange's trade history.</summary>
    public static bool IsOfficial(this CandleSource source) => source is CandleSource.Official or CandleSource.OfficialFromTrades;

    /// <summary>True when the candle's values are the exchange's (see <see cref="IsOfficial(CandleSource)"/>); closed or not.</summary>
    public static bool IsOfficial(this in Candle candle) => candle.Source.IsOfficial();
}
