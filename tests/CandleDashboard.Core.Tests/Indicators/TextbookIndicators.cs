using System.Globalization;
using System.Numerics;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Tests.Indicators;

/// <summary>One batch value: what the textbook definition gives at one candle.</summary>
internal readonly record struct Expected(bool Ready, decimal Value, decimal Value2 = 0m, decimal Value3 = 0m);

/// <summary>
/// The indicators computed the slow, obvious way from their textbook definitions: simple loops over
/// the whole series (every window summed afresh, every session re-summed from its first candle),
/// sharing no code with the engine. Where the engine documents an arithmetic form (EMA's
/// <c>(x − prev) × α + prev</c>, RSI's <c>100·G/(G+L)</c>, VWAP's single division, σ truncated to 12
/// decimals) these loops write the same form, so decimal results can be compared to the last digit;
/// the textbook forms are checked against them within 1e-20 (<see cref="CheckTextbookForms"/>).
/// </summary>
internal static class TextbookIndicators
{
    public static Expected[] Compute(string name, IReadOnlyList<decimal> p, IReadOnlyList<Candle> candles) => name switch
    {
        "sma" => Sma(candles.Select(c => c.Close).ToArray(), (int)p[0]),
        "volume_sma" => Sma(candles.Select(c => c.Volume).ToArray(), (int)p[0]),
        "ema" => Ema(candles.Select(c => c.Close).ToArray(), (int)p[0]).Select(v => v is { } e ? new Expected(true, e) : default).ToArray(),
        "wma" => Wma(candles, (int)p[0]),
        "vwap" => Vwap(candles, session: true),
        "avwap" => Vwap(candles, session: false),
        "bollinger" => Bollinger(candles, (int)p[0], p[1]),
        "rsi" => Rsi(candles, (int)p[0]),
        "macd" => Macd(candles, (int)p[0], (int)p[1], (int)p[2]),
        "atr" => Atr(candles, (int)p[0]),
        _ => throw new ArgumentException(name),
    };

    public static Expected[] Sma(decimal[] x, int n)
    {
        var result = new Expected[x.Length];
        for (var i = n - 1; i < x.Length; i++)
        {
            var sum = 0m;
            for (var j = i - n + 1; j <= i; j++)
            {
                sum += x[j];
            }

            result[i] = new Expected(true, sum / n);
        }

        return result;
    }

    /// <summary>EMA seeded with the SMA of the first n values; null before it.</summary>
    public static decimal?[] Ema(IReadOnlyList<decimal> x, int n)
    {
        var result = new decimal?[x.Count];
        if (x.Count < n)
        {
            return result;
        }

        var seed = 0m;
        for (var j = 0; j < n; j++)
        {
            seed += x[j];
        }

        var alpha = 2m / (n + 1);
        var ema = seed / n;
        result[n - 1] = ema;
        for (var i = n; i < x.Count; i++)
        {
            ema = ((x[i] - ema) * alpha) + ema;
            result[i] = ema;
        }

        return result;
    }

    public static Expected[] Wma(IReadOnlyList<Candle> candles, int n)
    {
        var result = new Expected[candles.Count];
        decimal denominator = n * (n + 1) / 2;
        for (var i = n - 1; i < candles.Count; i++)
        {
            var numerator = 0m;
            for (var w = 1; w <= n; w++)
            {
                numerator += w * candles[i - n + w].Close;
            }

            result[i] = new Expected(true, numerator / denominator);
        }

        return result;
    }

    /// <summary>VWAP = Σ(TP·V)/ΣV with TP = (H+L+C)/3, written as Σ((H+L+C)·V) / (3·ΣV); sessions are UTC calendar days.</summary>
    public static Expected[] Vwap(IReadOnlyList<Candle> candles, bool session)
    {
        var result = new Expected[candles.Count];
        for (var i = 0; i < candles.Count; i++)
        {
            var start = 0;
            if (session)
            {
                start = i;
                while (start > 0 && Day(candles[start - 1]) == Day(candles[i]))
                {
                    start--;
                }
            }

            decimal priceVolume = 0m, volume = 0m;
            for (var j = start; j <= i; j++)
            {
                priceVolume += (candles[j].High + candles[j].Low + candles[j].Close) * candles[j].Volume;
                volume += candles[j].Volume;
            }

            result[i] = volume > 0m ? new Expected(true, priceVolume / (3m * volume)) : default;
        }

        return result;

        static DateTime Day(Candle c) => DateTimeOffset.FromUnixTimeMilliseconds(c.OpenTime).UtcDateTime.Date;
    }

    /// <summary>
    /// Middle = SMA; σ = population standard deviation (divide by n), from the deviations of the window
    /// from its mean, in exact rational arithmetic: with S = Σx, d = n·x − S, Σ(x − S/n)² = Σd²/n², so
    /// variance = Σd²/n³; σ is its square root truncated to 12 decimals (fewer only if the scaled
    /// variance exceeds 128 bits).
    /// </summary>
    public static Expected[] Bollinger(IReadOnlyList<Candle> candles, int n, decimal k)
    {
        var result = new Expected[candles.Count];
        for (var i = n - 1; i < candles.Count; i++)
        {
            var sum = 0m;
            for (var j = i - n + 1; j <= i; j++)
            {
                sum += candles[j].Close;
            }

            var (numerator, scale) = (BigInteger.Zero, 0);
            for (var j = i - n + 1; j <= i; j++)
            {
                var (d, s) = ToBigInteger((n * candles[j].Close) - sum);
                (numerator, scale) = AddScaled(numerator, scale, d * d, 2 * s);
            }

            var sigma = TruncatedSquareRoot(numerator, BigInteger.Pow(10, scale) * n * n * n);
            var middle = sum / n;
            result[i] = new Expected(true, middle, middle + (k * sigma), middle - (k * sigma));
        }

        return result;
    }

    public static Expected[] Rsi(IReadOnlyList<Candle> candles, int n)
    {
        var result = new Expected[candles.Count];
        decimal averageGain = 0m, averageLoss = 0m;
        for (var i = 1; i < candles.Count; i++)
        {
            var change = candles[i].Close - candles[i - 1].Close;
            var gain = change > 0 ? change : 0m;
            var loss = change < 0 ? -change : 0m;
            if (i < n)
            {
                continue;
            }

            if (i == n)
            {
                for (var j = 1; j <= n; j++)
                {
                    var c = candles[j].Close - candles[j - 1].Close;
                    averageGain += c > 0 ? c : 0m;
                    averageLoss += c < 0 ? -c : 0m;
                }

                averageGain /= n;
                averageLoss /= n;
            }
            else
            {
                averageGain = ((averageGain * (n - 1)) + gain) / n;
                averageLoss = ((averageLoss * (n - 1)) + loss) / n;
            }

            var total = averageGain + averageLoss;
            result[i] = new Expected(true, total == 0m ? 50m : 100m * averageGain / total);
        }

        return result;
    }

    public static Expected[] Macd(IReadOnlyList<Candle> candles, int fast, int slow, int signal)
    {
        var closes = candles.Select(c => c.Close).ToArray();
        var fastEma = Ema(closes, fast);
        var slowEma = Ema(closes, slow);
        var lines = new List<decimal>();
        for (var i = slow - 1; i < closes.Length; i++)
        {
            lines.Add(fastEma[i]!.Value - slowEma[i]!.Value);
        }

        var signals = Ema(lines, signal);
        var result = new Expected[candles.Count];
        for (var j = 0; j < lines.Count; j++)
        {
            if (signals[j] is { } s)
            {
                result[slow - 1 + j] = new Expected(true, lines[j], s, lines[j] - s);
            }
        }

        return result;
    }

    public static Expected[] Atr(IReadOnlyList<Candle> candles, int n)
    {
        var trueRanges = new decimal[candles.Count];
        for (var i = 0; i < candles.Count; i++)
        {
            var c = candles[i];
            trueRanges[i] = i == 0
                ? c.High - c.Low
                : new[] { c.High - c.Low, Math.Abs(c.High - candles[i - 1].Close), Math.Abs(c.Low - candles[i - 1].Close) }.Max();
        }

        var result = new Expected[candles.Count];
        var atr = 0m;
        for (var i = n - 1; i < candles.Count; i++)
        {
            if (i == n - 1)
            {
                atr = trueRanges.Take(n).Sum() / n;
            }
            else
            {
                atr = ((atr * (n - 1)) + trueRanges[i]) / n;
            }

            result[i] = new Expected(true, atr);
        }

        return result;
    }

    /// <summary>The textbook forms the engine rewrites (RSI's ratio, VWAP's typical price, two-pass σ in doubles) agree with the batch values.</summary>
    public static void CheckTextbookForms(string name, IReadOnlyList<decimal> p, IReadOnlyList<Candle> candles, Expected[] batch)
    {
        for (var i = 0; i < candles.Count; i++)
        {
            if (!batch[i].Ready)
            {
                continue;
            }

            switch (name)
            {
                case "vwap" or "avwap":
                {
                    var start = 0;
                    if (name == "vwap")
                    {
                        start = i;
                        while (start > 0 && candles[start - 1].OpenTime / 86_400_000 == candles[i].OpenTime / 86_400_000)
                        {
                            start--;
                        }
                    }

                    decimal pv = 0m, v = 0m;
                    for (var j = start; j <= i; j++)
                    {
                        pv += (candles[j].High + candles[j].Low + candles[j].Close) / 3m * candles[j].Volume;
                        v += candles[j].Volume;
                    }

                    Assert.True(Math.Abs((pv / v) - batch[i].Value) < 1e-20m, $"{name} at {i}: Σ(TP·V)/ΣV = {pv / v}, batch {batch[i].Value}");
                    break;
                }

                case "bollinger":
                {
                    var n = (int)p[0];
                    var window = candles.Skip(i - n + 1).Take(n).Select(c => (double)c.Close).ToArray();
                    var mean = window.Average();
                    var sigma = Math.Sqrt(window.Sum(x => (x - mean) * (x - mean)) / n);
                    var upper = (double)batch[i].Value2;
                    Assert.True(Math.Abs(upper - (mean + ((double)p[1] * sigma))) < 1e-6 * Math.Max(1, mean), $"bollinger at {i}: two-pass upper {mean + ((double)p[1] * sigma)}, batch {upper}");
                    break;
                }
            }
        }

        if (name == "rsi")
        {
            // 100 − 100/(1 + RS) from the same averages (recomputed here), where RS exists.
            var n = (int)p[0];
            decimal g = 0m, l = 0m;
            for (var i = 1; i < candles.Count; i++)
            {
                var change = candles[i].Close - candles[i - 1].Close;
                var gain = change > 0 ? change : 0m;
                var loss = change < 0 ? -change : 0m;
                if (i <= n)
                {
                    g += gain;
                    l += loss;
                    if (i < n)
                    {
                        continue;
                    }

                    g /= n;
                    l /= n;
                }
                else
                {
                    g = ((g * (n - 1)) + gain) / n;
                    l = ((l * (n - 1)) + loss) / n;
                }

                if (l > 0m && l > g / 1e20m)
                {
                    var textbook = 100m - (100m / (1m + (g / l)));
                    Assert.True(Math.Abs(textbook - batch[i].Value) < 1e-20m, $"rsi at {i}: 100 − 100/(1+RS) = {textbook}, batch {batch[i].Value}");
                }
            }
        }
    }

    /// <summary>⌊√(numerator/denominator) · 10^d⌋ / 10^d with d = 12, or fewer decimals while ⌊value · 10^2d⌋ needs more than 128 bits.</summary>
    private static decimal TruncatedSquareRoot(BigInteger numerator, BigInteger denominator)
    {
        var limit = BigInteger.Pow(2, 128);
        for (var d = 12; ; d--)
        {
            var scaled = numerator * BigInteger.Pow(10, 2 * d) / denominator;
            if (scaled < limit)
            {
                var root = IntegerSquareRoot(scaled);
                return decimal.Parse(root.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) / (decimal)Math.Pow(10, d);
            }
        }
    }

    /// <summary>Newton's method on integers from above: the largest r with r² ≤ y.</summary>
    private static BigInteger IntegerSquareRoot(BigInteger y)
    {
        if (y < 2)
        {
            return y;
        }

        var r = BigInteger.One << (int)((y.GetBitLength() / 2) + 1);
        while (true)
        {
            var next = (r + (y / r)) / 2;
            if (next >= r)
            {
                return r;
            }

            r = next;
        }
    }

    private static (BigInteger Mantissa, int Scale) ToBigInteger(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        var point = text.IndexOf('.');
        return point < 0
            ? (BigInteger.Parse(text, CultureInfo.InvariantCulture), 0)
            : (BigInteger.Parse(text.Remove(point, 1), CultureInfo.InvariantCulture), text.Length - point - 1);
    }

    private static (BigInteger, int) AddScaled(BigInteger a, int aScale, BigInteger b, int bScale)
    {
        var scale = Math.Max(aScale, bScale);
        return ((a * BigInteger.Pow(10, scale - aScale)) + (b * BigInteger.Pow(10, scale - bScale)), scale);
    }
}
