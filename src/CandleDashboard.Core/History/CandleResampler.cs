using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.History;

/// <summary>
/// Combines finer candles into a coarser interval, for intervals the exchange does not serve
/// (Binance has 1s but not 15s or 30s klines).
/// </summary>
public static class CandleResampler
{
    /// <summary>
    /// The coarsest of the <paramref name="served"/> intervals that divides <paramref name="target"/>:
    /// the one to resample from (Binance: 1s for 15s and 30s).
    /// </summary>
    public static Interval BasisFor(IEnumerable<Interval> served, Interval target) =>
        served
            .Where(b => b.Milliseconds < target.Milliseconds && target.Milliseconds % b.Milliseconds == 0)
            .OrderByDescending(b => b.Milliseconds)
            .Cast<Interval?>()
            .FirstOrDefault()
        ?? throw new NotSupportedException($"The exchange serves no interval that {target} can be built from.");

    /// <summary>
    /// Groups <paramref name="candles"/> (oldest first, all of one finer interval that divides
    /// <paramref name="target"/>) by target bucket. Open, high and low come from the traded
    /// constituents (the exchange's rule: the first trade opens the bucket); a bucket with no
    /// trades is flat like its first constituent.
    /// A group is closed when its bucket has ended by <paramref name="now"/>.
    /// </summary>
    public static List<Candle> Resample(IReadOnlyList<Candle> candles, Interval target, long now)
    {
        ArgumentNullException.ThrowIfNull(candles);
        var result = new List<Candle>(candles.Count / 2 + 1);
        var i = 0;
        while (i < candles.Count)
        {
            var bucket = target.Floor(candles[i].OpenTime);
            var first = candles[i];
            decimal? open = first.TradeCount > 0 ? first.Open : null;
            decimal high = first.High, low = first.Low, close = first.Close, volume = 0m, quote = 0m;
            long count = 0;
            var source = first.Source;
            for (; i < candles.Count && target.Floor(candles[i].OpenTime) == bucket; i++)
            {
                var c = candles[i];
                if (open is null && c.TradeCount > 0)
                {
                    open = c.Open;
                    high = c.High;
                    low = c.Low;
                }
                else if (c.TradeCount > 0 || open is null)
                {
                    // An empty constituent is flat at an earlier close: it must not widen a traded range.
                    high = Math.Max(high, c.High);
                    low = Math.Min(low, c.Low);
                }

                close = c.Close;
                volume += c.Volume;
                quote += c.QuoteVolume;
                count += c.TradeCount;
                if (c.Source == CandleSource.Live)
                {
                    source = CandleSource.Live;
                }
                else if (c.Source == CandleSource.OfficialFromTrades && source != CandleSource.Live)
                {
                    // Partly built from the exchange's trades: still official, and says so.
                    source = CandleSource.OfficialFromTrades;
                }
            }

            result.Add(new Candle(bucket, open ?? first.Open, high, low, close, volume, quote, count, bucket + target.Milliseconds <= now, source));
        }

        return result;
    }
}
