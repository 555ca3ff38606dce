namespace CandleDashboard.Core.Indicators;

/// <summary>
/// One indicator's value at one candle, aligned with the candle by its open time. A small fixed
/// struct for every indicator, so a calculator returns it without allocating: single-output
/// indicators use <see cref="Value"/> only; Bollinger Bands and MACD use all three outputs in the
/// order their <see cref="IndicatorKind.Outputs"/> name (typed views: <see cref="BollingerBandsValue"/>,
/// <see cref="MacdValue"/>).
/// </summary>
/// <param name="OpenTime">Open time of the candle the value belongs to (UTC epoch milliseconds).</param>
/// <param name="IsReady">
/// False while the indicator is warming up (fewer candles than <see cref="IndicatorSpec.WarmUpPeriod"/>)
/// or has no value for another reason (a VWAP before its anchor has traded any volume); the outputs
/// are then 0 and must not be drawn.
/// </param>
/// <param name="Value">The first output: the average, the VWAP, the RSI, the ATR, Bollinger's middle band, the MACD line.</param>
/// <param name="Value2">The second output: Bollinger's upper band, MACD's signal line; else 0.</param>
/// <param name="Value3">The third output: Bollinger's lower band, MACD's histogram; else 0.</param>
public readonly record struct IndicatorValue(long OpenTime, bool IsReady, decimal Value, decimal Value2 = 0m, decimal Value3 = 0m)
{
    /// <summary>No value (yet) at this candle.</summary>
    public static IndicatorValue NotReady(long openTime) => new(openTime, false, 0m);
}
