using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;
using FsCheck;
using FsCheck.Fluent;
using static CandleDashboard.Core.Tests.Indicators.IndicatorAssert;

namespace CandleDashboard.Core.Tests.Indicators;

/// <summary>The series calculator: order, replacement outcomes, random replacements against the batch, and no allocation on the hot paths.</summary>
public sealed class IndicatorSeriesTests
{
    private static readonly Candle[] Kraken = RecordedCandles.KrakenOneMinute;

    [Fact]
    public void Random_official_replacements_anywhere_in_the_window_equal_the_batch_of_the_corrected_series()
    {
        // FsCheck picks the indicator, the window, and a run of replacements (position, change); after
        // each, every held value must equal the batch over the whole corrected series. Shrinks a
        // failure to the smallest such case.
        var cases =
            from spec in Gen.Elements(Specs)
            from window in Gen.Choose(60, 720)
            from edits in Gen.ListOf(
                from back in Gen.Choose(1, 720)
                from cents in Gen.Choose(-5_000, 5_000)
                select (Back: back, Delta: cents / 100m)).Select(l => l.Take(4).ToArray())
            select (Spec: spec, Window: window, Edits: edits);

        var property = Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var spec = IndicatorSpec.Parse(c.Spec);
            var series = new IndicatorSeries(spec, c.Window);
            var corrected = Kraken.ToArray();
            foreach (var candle in corrected)
            {
                series.Add(candle);
            }

            foreach (var (back, delta) in c.Edits)
            {
                var position = corrected.Length - 1 - ((back - 1) % c.Window);
                corrected[position] = Perturb(Kraken[position], delta);
                var outcome = series.Replace(corrected[position]);
                Assert.Equal(IndicatorReplacementKind.Replayed, outcome.Kind);
                Assert.Equal(corrected.Length - position, outcome.Replayed);
            }

            var batch = Batch(spec, corrected);
            var firstHeld = corrected.Length - series.Count;
            for (var i = 0; i < series.Count; i++)
            {
                Same(batch[firstHeld + i], series.ValueAt(i), $"{spec}, window {c.Window}, candle {firstHeld + i}");
            }

            return true;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), property);
    }

    [Fact]
    public void Rewinding_a_calculator_restores_the_state_and_value_from_before_the_undone_candles()
    {
        foreach (var text in Specs)
        {
            var spec = IndicatorSpec.Parse(text);
            var indicator = IndicatorFactory.Create(spec, rewindDepth: 50);
            var reference = IndicatorFactory.Create(spec);
            for (var i = 0; i < 400; i++)
            {
                indicator.Update(Kraken[i]);
                reference.Update(Kraken[i]);
            }

            for (var i = 400; i < 450; i++)
            {
                indicator.Update(Perturb(Kraken[i], 10m));
            }

            indicator.Rewind(50);
            Assert.Equal(reference.Current, indicator.Current);
            Assert.Equal(400, indicator.Samples);
            for (var i = 400; i < Kraken.Length; i++)
            {
                Assert.Equal(reference.Update(Kraken[i]), indicator.Update(Kraken[i]));
            }

            var error = Assert.Throws<ArgumentOutOfRangeException>(() => indicator.Rewind(51));
            Assert.Contains("Can rewind at most 50 candles.", error.Message);
            Assert.Throws<ArgumentOutOfRangeException>(() => reference.Rewind(1));
        }
    }

    [Fact]
    public void Candles_must_arrive_in_open_time_order()
    {
        var series = new IndicatorSeries(IndicatorSpec.Parse("sma(3)"));
        series.Add(Kraken[1]);

        var error = Assert.Throws<ArgumentException>(() => series.Add(Kraken[1]));
        Assert.StartsWith($"A candle opening at {Kraken[1].OpenTime} does not follow the newest held candle ({Kraken[1].OpenTime}); replace it instead.", error.Message);
        Assert.Throws<ArgumentException>(() => series.Add(Kraken[0]));
        Assert.Throws<ArgumentException>(() => series.Preview(Kraken[1]));
        var indicator = new ExponentialMovingAverage(3);
        indicator.Update(Kraken[5]);
        Assert.Throws<ArgumentException>(() => indicator.Update(Kraken[4]));
        Assert.Throws<ArgumentException>(() => indicator.Preview(Kraken[5]));
        Assert.Equal(1, series.Count);
    }

    [Fact]
    public void A_replacement_says_what_it_did()
    {
        var spec = IndicatorSpec.Parse("ema(5)");
        var series = new IndicatorSeries(spec, window: 10);
        Assert.Equal(new IndicatorReplacement(IndicatorReplacementKind.NotHeld, 0, null), series.Replace(Kraken[0]));

        // Every other minute only: a series with holes.
        for (var i = 10; i < 30; i += 2)
        {
            series.Add(Kraken[i]);
        }

        Assert.Equal(10, series.Count);
        Assert.Equal(Kraken[10].OpenTime, series.FirstOpenTime);
        Assert.Equal(Kraken[28].OpenTime, series.LastOpenTime);

        // Before a series that never held it, after the newest, in a hole: nothing to replace.
        Assert.Equal(IndicatorReplacementKind.NotHeld, series.Replace(Kraken[9]).Kind);
        Assert.Equal(IndicatorReplacementKind.NotHeld, series.Replace(Kraken[29]).Kind);
        Assert.Equal(IndicatorReplacementKind.NotHeld, series.Replace(Kraken[15]).Kind);

        // The same prices and volume (another source, trade count): stored, nothing recomputed.
        var latest = series.Latest;
        Assert.Equal(new IndicatorReplacement(IndicatorReplacementKind.Unchanged, 0, null), series.Replace(Kraken[20] with { TradeCount = 99, Source = CandleSource.Official }));
        Assert.Equal(99, series.CandleAt(5).TradeCount);
        Assert.Equal(latest, series.Latest);

        Assert.Equal(new IndicatorReplacement(IndicatorReplacementKind.Replayed, 5, Kraken[20].OpenTime), series.Replace(Perturb(Kraken[20], 1m)));
        Assert.NotEqual(latest, series.Latest);
        Assert.True(series.TryGetValue(Kraken[20].OpenTime, out var value));
        Assert.Equal(series.ValueAt(5), value);
        Assert.False(series.TryGetValue(Kraken[21].OpenTime, out _));

        // Two more candles push the oldest two out of the window: a candle before it is older than the window.
        series.Add(Kraken[30]);
        series.Add(Kraken[32]);
        Assert.Equal(12, series.TotalAdded);
        Assert.Equal(Kraken[14].OpenTime, series.FirstOpenTime);
        var outcome = series.Replace(Kraken[10]);
        Assert.Equal(new IndicatorReplacement(IndicatorReplacementKind.RecomputedFromWindowStart, 10, Kraken[14].OpenTime), outcome);
        Assert.Equal(Enumerable.Repeat(false, 4).Concat(Enumerable.Repeat(true, 6)), Enumerable.Range(0, 10).Select(i => series.ValueAt(i).IsReady));
        Assert.Throws<ArgumentOutOfRangeException>(() => series.ValueAt(10));
    }

    [Fact]
    public void Updates_previews_and_a_last_candle_replacement_allocate_nothing()
    {
        var indicators = Specs.Select(s => IndicatorFactory.Create(IndicatorSpec.Parse(s))).ToArray();
        var series = Specs.Select(s => new IndicatorSeries(IndicatorSpec.Parse(s), window: 300)).ToArray();
        var half = Kraken.Length / 2;
        Feed(0, half);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Feed(half, Kraken.Length - 1);
        var after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);

        void Feed(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                var forming = Kraken[i] with { IsClosed = false };
                for (var k = 0; k < indicators.Length; k++)
                {
                    indicators[k].Preview(forming);
                    indicators[k].Update(Kraken[i]);
                    series[k].Preview(forming);
                    series[k].Add(Perturb(Kraken[i], 0.5m));
                    series[k].Replace(Kraken[i]);
                }
            }
        }
    }
}
