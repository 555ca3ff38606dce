using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Tests.Indicators;

internal static class IndicatorAssert
{
    /// <summary>The specs every real-data test runs: each indicator with its defaults, short periods (many values, sessions and replacements inside the warm-up) and long ones.</summary>
    public static readonly string[] Specs =
    [
        "sma", "ema", "wma", "vwap", "avwap", "bollinger", "rsi", "macd", "atr", "volume_sma",
        "sma(1)", "sma(5)", "ema(1)", "ema(3)", "wma(7)", "bollinger(5,1.5)", "bollinger(2,3)", "rsi(2)", "macd(3,7,4)", "atr(3)", "volume_sma(3)",
        "sma(200)", "ema(200)", "wma(200)", "bollinger(200,2.5)", "rsi(100)", "macd(50,120,30)", "atr(200)",
    ];

    public static TheoryData<string> SpecData()
    {
        var data = new TheoryData<string>();
        foreach (var spec in Specs)
        {
            data.Add(spec);
        }

        return data;
    }

    public static Expected[] Batch(IndicatorSpec spec, IReadOnlyList<Candle> candles) =>
        TextbookIndicators.Compute(spec.Name, spec.Values, candles);

    /// <summary>Exactly equal: readiness, and every output to the last decimal digit.</summary>
    public static void Same(Expected expected, IndicatorValue actual, string context)
    {
        Assert.True(expected.Ready == actual.IsReady, $"{context}: ready {actual.IsReady}, batch says {expected.Ready}");
        if (expected.Ready)
        {
            Assert.True(
                expected.Value == actual.Value && expected.Value2 == actual.Value2 && expected.Value3 == actual.Value3,
                $"{context}: engine ({actual.Value}, {actual.Value2}, {actual.Value3}) != batch ({expected.Value}, {expected.Value2}, {expected.Value3})");
        }
    }

    /// <summary>A different candle at the same open time: another close (the high or low stretched to hold it) and volume.</summary>
    public static Candle Perturb(Candle candle, decimal delta)
    {
        var close = candle.Close + delta;
        return candle with
        {
            Close = close,
            High = Math.Max(candle.High, close),
            Low = Math.Min(candle.Low, close),
            Volume = (candle.Volume * 1.5m) + 0.00012345m,
            Source = CandleSource.Official,
        };
    }
}
