using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Charting;

/// <summary>
/// A candle as the browser module receives it (camel-cased by JS interop: t, o, h, l, c, v).
/// Short names because a history load sends hundreds of them.
/// </summary>
public sealed record ChartCandle(long T, decimal O, decimal H, decimal L, decimal C, decimal V, bool Closed)
{
    public static ChartCandle From(in Candle candle) =>
        new(candle.OpenTime, candle.Open, candle.High, candle.Low, candle.Close, candle.Volume, candle.IsClosed);
}
