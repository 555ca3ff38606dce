namespace CandleDashboard.Core.Indicators;

/// <summary>Bollinger Bands at one candle: the middle band (the simple moving average) and the bands around it.</summary>
public readonly record struct BollingerBandsValue(decimal Upper, decimal Middle, decimal Lower)
{
    /// <summary>The typed view of a <see cref="BollingerBands"/> value (outputs middle, upper, lower).</summary>
    public static BollingerBandsValue From(in IndicatorValue value) => new(value.Value2, value.Value, value.Value3);
}
