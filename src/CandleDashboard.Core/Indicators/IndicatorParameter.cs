namespace CandleDashboard.Core.Indicators;

/// <summary>
/// One parameter an indicator takes: its name (as written in <c>bollinger(period=20,k=2)</c> and in
/// the API's query), its default, its inclusive range and whether it must be a whole number.
/// </summary>
public sealed record IndicatorParameter(string Name, decimal Default, decimal Minimum, decimal Maximum, bool IsWholeNumber, string Description)
{
    /// <summary>
    /// The longest period any indicator accepts. A period of N needs N candles of history before the
    /// first value (more for RSI and MACD), and history arrives in exchange pages of 1000 candles.
    /// </summary>
    public const int MaxPeriod = 1000;

    internal static IndicatorParameter Period(decimal defaultValue, string description, int minimum = 1) =>
        new("period", defaultValue, minimum, MaxPeriod, IsWholeNumber: true, description);

    /// <summary>The range as a message says it, e.g. <c>a whole number from 1 to 1000</c>.</summary>
    internal string RangeText => IsWholeNumber
        ? $"a whole number from {IndicatorSpec.Format(Minimum)} to {IndicatorSpec.Format(Maximum)}"
        : $"a number from {IndicatorSpec.Format(Minimum)} to {IndicatorSpec.Format(Maximum)}";
}
