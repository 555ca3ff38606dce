using CandleDashboard.Core.Indicators;

namespace CandleDashboard.Web.Chart;

/// <summary>An indicator's value at one candle as the browser module receives it: open time and the outputs, or null while not ready.</summary>
public sealed record ChartIndicatorPoint(long T, decimal[]? V)
{
    public static ChartIndicatorPoint From(in IndicatorValue value, int outputs) => new(
        value.OpenTime,
        !value.IsReady ? null : outputs switch
        {
            1 => [value.Value],
            2 => [value.Value, value.Value2],
            _ => [value.Value, value.Value2, value.Value3],
        });
}
