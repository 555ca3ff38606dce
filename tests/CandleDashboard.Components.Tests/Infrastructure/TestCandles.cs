using CandleDashboard.Core.Market;

namespace CandleDashboard.Components.Tests.Infrastructure;

/// <summary>Candles with readable prices: open 100, the given close, high/low around them.</summary>
public static class TestCandles
{
    public static Candle Official(long openTime, decimal close) => Make(openTime, close, closed: true, CandleSource.Official);

    public static Candle LiveClosed(long openTime, decimal close) => Make(openTime, close, closed: true, CandleSource.Live);

    public static Candle Forming(long openTime, decimal close) => Make(openTime, close, closed: false, CandleSource.Live);

    private static Candle Make(long openTime, decimal close, bool closed, CandleSource source) =>
        new(openTime, 100m, Math.Max(100m, close) + 1m, Math.Min(100m, close) - 1m, close, 2m, 200m, 10, closed, source);
}
