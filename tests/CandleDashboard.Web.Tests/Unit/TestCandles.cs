using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Tests.Unit;

internal static class TestCandles
{
    public static Candle At(long openTime, decimal close = 100m, bool closed = false) =>
        new(openTime, 100m, Math.Max(100m, close), Math.Min(100m, close), close, 1m, close, 1, closed, CandleSource.Live);

    /// <summary>The exchange's committed kline of a bucket (closed, official).</summary>
    public static Candle Official(long openTime, decimal close = 100m) =>
        At(openTime, close, closed: true) with { Source = CandleSource.Official };

    public static IReadOnlyList<Candle> Series(int count, long start = 0, long step = 60_000) =>
        Enumerable.Range(0, count).Select(i => At(start + i * step, 100m + i, closed: true)).ToArray();
}
