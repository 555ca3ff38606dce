using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// A candle as the browser module receives it (camel-cased by JS interop: t, o, h, l, c, v).
/// Short names because a history load sends hundreds of them.
/// </summary>
/// <param name="Official">
/// The exchange's committed kline: drawn solid, while live-built candles (and the forming one) are
/// drawn light, so a trader sees which candles are final.
/// </param>
public sealed record ChartCandle(long T, decimal O, decimal H, decimal L, decimal C, decimal V, bool Closed, bool Official)
{
    public static ChartCandle From(in Candle candle) =>
        new(candle.OpenTime, candle.Open, candle.High, candle.Low, candle.Close, candle.Volume, candle.IsClosed, IsOfficial(candle));

    /// <summary>
    /// Only a closed official kline is final. The exchange's history also returns the forming
    /// bucket as "official", but it still changes, so it counts as live.
    /// </summary>
    public static bool IsOfficial(in Candle candle) => candle.IsClosed && candle.IsOfficial();
}
