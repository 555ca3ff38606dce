using CandleDashboard.Core.Building;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Operations.Import;

namespace CandleDashboard.Import.Tests;

/// <summary>
/// The checkpoint's builder state, saved after any line and restored into a new builder, continues every bucket
/// exactly: at every split point of the real slice, the candles equal one uninterrupted builder's (scale included).
/// </summary>
public sealed class CheckpointStateTests
{
    [Fact]
    public void A_bucket_spanning_a_checkpoint_comes_out_identical_whatever_the_split_point()
    {
        var trades = ImportHarness.ParseBinance(File.ReadLines(ImportHarness.BinanceSlice));
        var expected = Texts(ImportHarness.Build(trades));
        for (var split = 0; split <= trades.Count; split += 13)
        {
            var result = Interval.Defaults.ToDictionary(i => i, _ => new List<Candle>());
            var before = NewBuilder(result);
            foreach (var trade in trades.Take(split))
            {
                before.Apply(trade);
            }

            var state = ImportState.Save(before);
            var after = NewBuilder(result);
            ImportState.Restore(after, state);
            foreach (var trade in trades.Skip(split))
            {
                after.Apply(trade);
            }

            foreach (var interval in Interval.Defaults)
            {
                if (after.TryGetForming(interval, out var forming))
                {
                    result[interval].Add(forming with { IsClosed = true, Source = CandleSource.OfficialFromTrades });
                }
            }

            Assert.Equal(expected, Texts(result));
        }
    }

    private static LiveCandleBuilder NewBuilder(Dictionary<Interval, List<Candle>> sink)
    {
        var builder = new LiveCandleBuilder("BTCUSDT", Interval.Defaults, TimeProvider.System);
        builder.CandleClosed += (interval, candle) => sink[interval].Add(candle with { Source = CandleSource.OfficialFromTrades });
        return builder;
    }

    // Decimal equality ignores scale; the text form does not, so this compares the exact values the stores would get.
    private static List<string> Texts(Dictionary<Interval, List<Candle>> candles) =>
        candles.OrderBy(p => p.Key.Milliseconds).SelectMany(p => p.Value.Select(c => $"{p.Key} {c}")).ToList();
}
