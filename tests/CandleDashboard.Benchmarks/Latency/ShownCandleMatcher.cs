using CandleDashboard.Core.Market;
using CandleDashboard.Simulator;

namespace CandleDashboard.Benchmarks.Latency;

/// <summary>
/// Matches the trades a simulator sent with the candles a viewer was shown, by cumulative volume:
/// a shown candle whose volume equals the sum of its bucket's first k trades holds exactly those k
/// trades, so each of them was shown no later than that candle. Shared by the Chromium harnesses
/// (tick-to-chart, layouts) and the browserless circuit harness.
/// </summary>
public static class ShownCandleMatcher
{
    /// <summary>
    /// Delay of every trade of a fully observed bucket of <paramref name="symbol"/> on <paramref name="interval"/>:
    /// first shown time minus sent time, in ms. Buckets that began before <paramref name="measuringFrom"/>
    /// are skipped (the viewer may have missed their start).
    /// </summary>
    public static List<double> Match(IReadOnlyList<PublishedTrade> trades, IReadOnlyList<ShownCandle> shown, WallClock clock, double measuringFrom, string symbol, Interval interval)
    {
        var latencies = new List<double>();
        var firstBucket = interval.Floor((long)measuringFrom) + interval.Milliseconds;
        var shownByBucket = shown.ToLookup(s => s.OpenTime);
        foreach (var bucket in trades.Where(t => t.Symbol == symbol).GroupBy(t => interval.Floor(t.TradeTime)).Where(g => g.Key >= firstBucket))
        {
            var inBucket = bucket.ToArray();
            var cumulative = new double[inBucket.Length];
            var sum = 0m;
            for (var i = 0; i < inBucket.Length; i++)
            {
                sum += inBucket[i].Quantity;
                cumulative[i] = (double)sum;
            }

            var assigned = 0;
            foreach (var s in shownByBucket[bucket.Key])
            {
                var holds = Array.FindLastIndex(cumulative, c => Math.Abs(c - s.Volume) <= 1e-9 * Math.Max(1, c));
                for (; assigned <= holds; assigned++)
                {
                    latencies.Add(s.At - clock.ToWallMs(inBucket[assigned].SentTimestamp));
                }
            }
        }

        return latencies;
    }
}

/// <summary>A candle as a viewer was shown it: when (wall-clock epoch ms), its open time and its volume.</summary>
public readonly record struct ShownCandle(double At, long OpenTime, double Volume);
