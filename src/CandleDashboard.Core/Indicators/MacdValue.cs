namespace CandleDashboard.Core.Indicators;

/// <summary>MACD at one candle: the MACD line (fast EMA − slow EMA), its signal line (an EMA of the line) and the histogram (line − signal).</summary>
public readonly record struct MacdValue(decimal Line, decimal Signal, decimal Histogram)
{
    /// <summary>The typed view of a <see cref="MovingAverageConvergenceDivergence"/> value (outputs line, signal, histogram).</summary>
    public static MacdValue From(in IndicatorValue value) => new(value.Value, value.Value2, value.Value3);
}
