using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Tests.Indicators;

/// <summary>
/// The indicators against worked tables published by StockCharts' ChartSchool (the "Calculation"
/// section of each indicator's article and the spreadsheet it links to), typed in here. The published
/// outputs are rounded to 2 decimals, so an engine value computed from the same inputs lies within
/// half a unit of the last published digit (0.005) of the figure printed. Where the spreadsheet's
/// inputs carry more decimals than the 2 printed (and typed here), each input is off by up to 0.005
/// too, which moves an average by up to 0.005 and a standard deviation by up to 0.005 (σ moves by at
/// most the largest change of an input): the bound for such a table is stated with it.
/// </summary>
public sealed class PublishedExampleTests
{
    private const decimal HalfCent = 0.005m;

    [Fact]
    public void Rsi_14_matches_the_stockcharts_worked_table()
    {
        // StockCharts ChartSchool, "Relative Strength Index (RSI)", 14-day RSI table (cs-rsi.xls).
        // The article's table prints the closes to 2 decimals; the spreadsheet behind it holds them to
        // 4, and the published RSI is computed from those (from the 2-decimal closes the first value
        // is 70.46, not the printed 70.53). RSI printed to 2 decimals, first at the 15th close.
        decimal[] closes =
        [
            44.3389m, 44.0902m, 44.1497m, 43.6124m, 44.3278m, 44.8264m, 45.0955m, 45.4245m, 45.8433m, 46.0826m,
            45.8931m, 46.0328m, 45.6140m, 46.2820m, 46.2820m, 46.0028m, 46.0328m, 46.4116m, 46.2222m, 45.6439m,
            46.2122m, 46.2521m, 45.7137m, 46.4515m, 45.7835m, 45.3548m, 44.0288m, 44.1783m, 44.2181m, 44.5672m,
            43.4205m, 42.6628m, 43.1314m,
        ];
        decimal[] published =
        [
            70.53m, 66.32m, 66.55m, 69.41m, 66.36m, 57.97m, 62.93m, 63.26m, 56.06m, 62.38m,
            54.71m, 50.42m, 39.99m, 41.46m, 41.87m, 45.46m, 37.30m, 33.08m, 37.77m,
        ];

        var values = Run(new RelativeStrengthIndex(14), Closes(closes));

        Assert.All(values.Take(14), v => Assert.False(v.IsReady));
        AssertPublished(published, values.Skip(14).Select(v => v.Value), "RSI");
    }

    [Fact]
    public void Bollinger_20_2_matches_the_stockcharts_worked_table()
    {
        // StockCharts ChartSchool, "Bollinger Bands", calculation table (cs-bollingerbands.xls): 20-day
        // SMA ± 2 standard deviations, the deviation being the population one (the spreadsheet's
        // STDEVP). Closes and bands printed to 2 decimals; first bands at the 20th close.
        decimal[] closes =
        [
            86.16m, 89.09m, 88.78m, 90.32m, 89.07m, 91.15m, 89.44m, 89.18m, 86.93m, 87.68m,
            86.96m, 89.43m, 89.32m, 88.72m, 87.45m, 87.26m, 89.50m, 87.90m, 89.13m, 90.70m,
            92.90m, 92.98m, 91.80m, 92.66m, 92.68m, 92.30m, 92.77m, 92.54m, 92.95m, 93.20m,
            91.07m, 89.83m, 89.74m, 90.40m, 90.74m, 88.02m, 88.09m, 88.84m, 90.78m, 90.54m,
            91.39m, 90.65m,
        ];
        (decimal Middle, decimal Upper, decimal Lower)[] published =
        [
            (88.71m, 91.29m, 86.12m), (89.05m, 91.95m, 86.14m), (89.24m, 92.61m, 85.87m), (89.39m, 92.93m, 85.85m),
            (89.51m, 93.31m, 85.70m), (89.69m, 93.73m, 85.65m), (89.75m, 93.90m, 85.59m), (89.91m, 94.27m, 85.56m),
            (90.08m, 94.57m, 85.60m), (90.38m, 94.79m, 85.98m), (90.66m, 95.04m, 86.27m), (90.86m, 94.91m, 86.82m),
            (90.88m, 94.90m, 86.87m), (90.91m, 94.90m, 86.91m), (90.99m, 94.86m, 87.12m), (91.15m, 94.67m, 87.63m),
            (91.19m, 94.56m, 87.83m), (91.12m, 94.68m, 87.56m), (91.17m, 94.58m, 87.76m), (91.25m, 94.53m, 87.97m),
            (91.24m, 94.53m, 87.95m), (91.17m, 94.37m, 87.96m), (91.05m, 94.15m, 87.95m),
        ];

        var values = Run(new BollingerBands(20, 2m), Closes(closes));

        // The printed closes are rounded (the middle band at #14 is 90.904 from them, printed 90.91):
        // the middle band may be off by 0.005 + 0.005, a band by 0.005 + 2 × 0.005 + 0.005.
        Assert.All(values.Take(19), v => Assert.False(v.IsReady));
        var bands = values.Skip(19).Select(v => BollingerBandsValue.From(v)).ToArray();
        AssertPublished(published.Select(p => p.Middle).ToArray(), bands.Select(b => b.Middle), "middle band", 0.01m);
        AssertPublished(published.Select(p => p.Upper).ToArray(), bands.Select(b => b.Upper), "upper band", 0.02m);
        AssertPublished(published.Select(p => p.Lower).ToArray(), bands.Select(b => b.Lower), "lower band", 0.02m);
    }

    [Fact]
    public void Sma_10_and_ema_10_match_the_stockcharts_worked_table()
    {
        // StockCharts ChartSchool, "Moving Averages - Simple and Exponential", 10-day SMA and EMA table
        // (cs-movavg.xls): the EMA starts from the 10-day SMA and uses the multiplier 2/(10+1).
        // Closes and averages printed to 2 decimals; first values at the 10th close.
        decimal[] closes =
        [
            22.27m, 22.19m, 22.08m, 22.17m, 22.18m, 22.13m, 22.23m, 22.43m, 22.24m, 22.29m,
            22.15m, 22.39m, 22.38m, 22.61m, 23.36m, 24.05m, 23.75m, 23.83m, 23.95m, 23.63m,
            23.82m, 23.87m, 23.65m, 23.19m, 23.10m, 23.33m, 22.68m, 23.10m, 22.40m, 22.17m,
        ];
        decimal[] publishedSma =
        [
            22.22m, 22.21m, 22.23m, 22.26m, 22.31m, 22.42m, 22.61m, 22.77m, 22.91m, 23.08m, 23.21m,
            23.38m, 23.53m, 23.65m, 23.71m, 23.69m, 23.61m, 23.51m, 23.43m, 23.28m, 23.13m,
        ];
        decimal[] publishedEma =
        [
            22.22m, 22.21m, 22.24m, 22.27m, 22.33m, 22.52m, 22.80m, 22.97m, 23.13m, 23.28m, 23.34m,
            23.43m, 23.51m, 23.54m, 23.47m, 23.40m, 23.39m, 23.26m, 23.23m, 23.08m, 22.92m,
        ];

        var sma = Run(new SimpleMovingAverage(10), Closes(closes));
        var ema = Run(new ExponentialMovingAverage(10), Closes(closes));

        // The printed closes are rounded (the 5th SMA is 22.303 from them, printed 22.31): an average
        // may be off by 0.005 (inputs) + 0.005 (printing).
        Assert.All(sma.Take(9).Concat(ema.Take(9)), v => Assert.False(v.IsReady));
        AssertPublished(publishedSma, sma.Skip(9).Select(v => v.Value), "SMA", 0.01m);
        AssertPublished(publishedEma, ema.Skip(9).Select(v => v.Value), "EMA", 0.01m);
    }

    [Fact]
    public void Atr_14_matches_the_stockcharts_worked_table()
    {
        // StockCharts ChartSchool, "Average True Range (ATR)", calculation table (cs-atr.xls): QQQQ,
        // 1 April to 13 May 2010. The first true range is high − low; the first ATR is the average of the
        // first 14 true ranges, then Wilder's smoothing. Prices and ATR printed to 2 decimals.
        (decimal High, decimal Low, decimal Close)[] days =
        [
            (48.70m, 47.79m, 48.16m), (48.72m, 48.14m, 48.61m), (48.90m, 48.39m, 48.75m), (48.87m, 48.37m, 48.63m),
            (48.82m, 48.24m, 48.74m), (49.05m, 48.64m, 49.03m), (49.20m, 48.94m, 49.07m), (49.35m, 48.86m, 49.32m),
            (49.92m, 49.50m, 49.91m), (50.19m, 49.87m, 50.13m), (50.12m, 49.20m, 49.53m), (49.66m, 48.90m, 49.50m),
            (49.88m, 49.43m, 49.75m), (50.19m, 49.73m, 50.03m), (50.36m, 49.26m, 50.31m), (50.57m, 50.09m, 50.52m),
            (50.65m, 50.30m, 50.41m), (50.43m, 49.21m, 49.34m), (49.63m, 48.98m, 49.37m), (50.33m, 49.61m, 50.23m),
            (50.29m, 49.20m, 49.24m), (50.17m, 49.43m, 49.93m), (49.32m, 48.08m, 48.43m), (48.50m, 47.64m, 48.18m),
            (48.32m, 41.55m, 46.57m), (46.80m, 44.28m, 45.41m), (47.80m, 47.31m, 47.77m), (48.39m, 47.20m, 47.72m),
            (48.66m, 47.90m, 48.62m), (48.79m, 47.73m, 47.85m),
        ];
        decimal[] published = [0.55m, 0.59m, 0.59m, 0.57m, 0.61m, 0.62m, 0.64m, 0.67m, 0.69m, 0.77m, 0.78m, 1.21m, 1.30m, 1.38m, 1.37m, 1.34m, 1.32m];

        var candles = days.Select((d, i) => Candle(i, d.Close, d.High, d.Low)).ToArray();
        var values = Run(new AverageTrueRange(14), candles);

        Assert.All(values.Take(13), v => Assert.False(v.IsReady));
        AssertPublished(published, values.Skip(13).Select(v => v.Value), "ATR");
    }

    [Fact]
    public void Wma_and_vwap_match_a_hand_worked_example()
    {
        // No widely published table: worked by hand. WMA(3) of 10, 11, 12, 13: (1·10 + 2·11 + 3·12)/6 =
        // 68/6 and (1·11 + 2·12 + 3·13)/6 = 74/6. VWAP of (H, L, C, V) = (12, 9, 9, 2), (13, 10, 13, 1):
        // typical prices 10 and 12, so (10·2 + 12·1)/3 = 32/3; a candle opening at 00:00 UTC the next day
        // starts a new session, the anchored VWAP carries on.
        var day = 86_400_000L;
        Candle[] candles =
        [
            Candle(0, 10m, 10m, 10m) with { OpenTime = day - 180_000 },
            Candle(1, 11m, 11m, 11m) with { OpenTime = day - 120_000 },
            Candle(2, 12m, 12m, 12m) with { OpenTime = day - 60_000 },
            Candle(3, 13m, 13m, 13m) with { OpenTime = day },
        ];
        var wma = Run(new WeightedMovingAverage(3), candles);
        Assert.Equal([false, false, true, true], wma.Select(v => v.IsReady));
        Assert.Equal(68m / 6m, wma[2].Value);
        Assert.Equal(74m / 6m, wma[3].Value);

        Candle[] bars =
        [
            new(day - 120_000, 10m, 12m, 9m, 9m, 2m, 0m, 3, true, CandleSource.Official),
            new(day - 60_000, 9m, 13m, 10m, 13m, 1m, 0m, 1, true, CandleSource.Official),
            new(day, 13m, 13m, 13m, 13m, 0m, 0m, 0, true, CandleSource.Official),
            new(day + 60_000, 13m, 15m, 12m, 15m, 4m, 0m, 2, true, CandleSource.Official),
        ];
        var session = Run(new VolumeWeightedAveragePrice(VwapAnchor.Session), bars);
        var anchored = Run(new VolumeWeightedAveragePrice(VwapAnchor.FirstCandle), bars);
        Assert.Equal(10m, session[0].Value);
        Assert.Equal(32m / 3m, session[1].Value);
        Assert.False(session[2].IsReady); // a new UTC day, nothing traded yet
        Assert.Equal(14m, session[3].Value);
        Assert.Equal(32m / 3m, anchored[2].Value);
        Assert.Equal((32m + (14m * 4m)) / 7m, anchored[3].Value);
    }

    [Fact]
    public void Rsi_without_losses_is_100_without_gains_0_and_without_change_50()
    {
        Assert.Equal(100m, Run(new RelativeStrengthIndex(3), Closes([1m, 2m, 3m, 4m, 5m]))[^1].Value);
        Assert.Equal(0m, Run(new RelativeStrengthIndex(3), Closes([5m, 4m, 3m, 2m, 1m]))[^1].Value);
        Assert.Equal(50m, Run(new RelativeStrengthIndex(3), Closes([7m, 7m, 7m, 7m, 7m]))[^1].Value);
    }

    [Fact]
    public void Macd_line_is_the_ema_difference_and_the_signal_starts_with_the_lines_first_value()
    {
        var closes = Enumerable.Range(0, 60).Select(i => 100m + (i % 7) - (i % 3 * 1.5m) + (i / 10m)).ToArray();
        var candles = Closes(closes);
        var fast = Run(new ExponentialMovingAverage(12), candles);
        var slow = Run(new ExponentialMovingAverage(26), candles);
        var macd = Run(new MovingAverageConvergenceDivergence(), candles);

        Assert.Equal(34, macd.TakeWhile(v => !v.IsReady).Count() + 1);
        var signal = Run(new ExponentialMovingAverage(9), slow.Select((s, i) => Candle(i, fast[i].Value - s.Value)).Skip(25).ToArray());
        for (var i = 33; i < closes.Length; i++)
        {
            var value = MacdValue.From(macd[i]);
            Assert.Equal(fast[i].Value - slow[i].Value, value.Line);
            Assert.Equal(signal[i - 25].Value, value.Signal);
            Assert.Equal(value.Line - value.Signal, value.Histogram);
        }
    }

    private static void AssertPublished(decimal[] published, IEnumerable<decimal> computed, string what, decimal tolerance = HalfCent)
    {
        var values = computed.ToArray();
        Assert.Equal(published.Length, values.Length);
        for (var i = 0; i < published.Length; i++)
        {
            Assert.True(Math.Abs(values[i] - published[i]) <= tolerance, $"{what} #{i + 1}: computed {values[i]}, published {published[i]}, allowed ±{tolerance}");
        }
    }

    private static IndicatorValue[] Run(Indicator indicator, IEnumerable<Candle> candles) =>
        candles.Select(c => indicator.Update(c)).ToArray();

    private static Candle[] Closes(decimal[] closes) => closes.Select((c, i) => Candle(i, c)).ToArray();

    private static Candle Candle(int day, decimal close, decimal? high = null, decimal? low = null) =>
        new(day * 86_400_000L, close, high ?? close, low ?? close, close, 1m, close, 1, true, CandleSource.Official);
}
