using CandleDashboard.Core.Market;
using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Generation;

/// <summary>
/// Builds the past tape of a symbol with the same walk as the live tape, at a rate that thins out with
/// age: wherever an interval still keeps history, its buckets get about <see cref="TradesPerFinestBucket"/>
/// trades (1s buckets about two). That is a few tens of thousands of trades per symbol, so startup stays
/// far below a second while every chart interval opens with hundreds of candles.
/// </summary>
internal static class HistoryGenerator
{
    private const double TradesPerFinestBucket = 6;
    private const double OneSecondTradesPerSecond = 2;

    /// <summary>Trades with times in [<paramref name="historyStart"/>, <paramref name="startTime"/>), ids counting up from <paramref name="firstTradeId"/>.</summary>
    /// <param name="bucketLengths">The venue's interval lengths in ms (see <see cref="SymbolMarket"/>).</param>
    public static List<SimTrade> Generate(PriceWalk walk, IReadOnlyList<long> bucketLengths, long firstTradeId, long historyStart, long startTime, SimulatorOptions options)
    {
        var tiers = bucketLengths
            .Select(length => (Start: SymbolMarket.WindowStart(length, historyStart, startTime, options), MeanGap: MeanGapSeconds(length)))
            .OrderBy(t => t.Start)
            .ToArray();

        // Once a tier has begun it stays in force, so the gap at any time is the least gap of the tiers begun so far.
        for (var i = 1; i < tiers.Length; i++)
        {
            tiers[i].MeanGap = Math.Min(tiers[i].MeanGap, tiers[i - 1].MeanGap);
        }

        var liveRate = Math.Max(1, options.TradesPerSecondPerSymbol);
        var trades = new List<SimTrade>(64 * 1024);
        var id = firstTradeId;
        var time = (double)historyStart;
        var tier = 0;
        while (true)
        {
            // The finest interval whose window has begun decides how dense the tape is at this time.
            while (tier + 1 < tiers.Length && tiers[tier + 1].Start <= time)
            {
                tier++;
            }

            time += walk.NextGapSeconds(1 / tiers[tier].MeanGap) * 1000;
            if (time >= startTime)
            {
                break;
            }

            trades.Add(walk.Next(id++, time, tiers[tier].MeanGap * liveRate));
        }

        return trades;
    }

    private static double MeanGapSeconds(long bucketLength) =>
        bucketLength == Interval.OneSecond.Milliseconds ? 1 / OneSecondTradesPerSecond : bucketLength / 1000.0 / TradesPerFinestBucket;
}
