using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;
using static CandleDashboard.Core.Tests.Indicators.IndicatorAssert;

namespace CandleDashboard.Core.Tests.Indicators;

/// <summary>
/// Issue 10's exactness requirement on the real market data in ../shared/data: every indicator,
/// computed incrementally candle by candle, equals the textbook batch computation over the whole
/// series to the last decimal digit — for every candle, for the forming candle's preview, and after
/// official candles replace live ones in the middle of the series.
/// </summary>
public sealed class IndicatorRealDataTests
{
    public static TheoryData<string> AllSpecs => SpecData();

    [Theory]
    [MemberData(nameof(AllSpecs))]
    public void Incremental_values_equal_the_textbook_batch_for_every_candle(string text)
    {
        var spec = IndicatorSpec.Parse(text);
        foreach (var (name, candles) in RecordedCandles.All())
        {
            var batch = Batch(spec, candles);
            TextbookIndicators.CheckTextbookForms(spec.Name, spec.Values, candles, batch);
            var indicator = IndicatorFactory.Create(spec);
            for (var i = 0; i < candles.Length; i++)
            {
                Same(batch[i], indicator.Update(candles[i]), $"{spec} on {name}, candle {i}");
            }

            Assert.Equal(candles.Length, indicator.Samples);
            var readyFrom = Array.FindIndex(batch, e => e.Ready);
            if (spec.WarmUpPeriod <= candles.Length && spec.Name is not ("vwap" or "avwap"))
            {
                Assert.Equal(spec.WarmUpPeriod - 1, readyFrom);
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllSpecs))]
    public void The_preview_of_a_forming_candle_is_the_batch_value_with_it_appended_and_changes_nothing(string text)
    {
        var spec = IndicatorSpec.Parse(text);
        foreach (var (name, candles) in RecordedCandles.All())
        {
            var batch = Batch(spec, candles);
            var indicator = IndicatorFactory.Create(spec);
            for (var i = 0; i < candles.Length; i++)
            {
                var before = indicator.Current;

                // The candle as it will close, previewed while it is still forming.
                Same(batch[i], indicator.Preview(candles[i] with { IsClosed = false }), $"{spec} on {name}, preview of candle {i}");
                if (i % 37 == 5)
                {
                    // A forming candle that will not close like this: the batch of the prefix with it appended.
                    var forming = Perturb(candles[i], 2.5m) with { IsClosed = false };
                    var appended = Batch(spec, [.. candles.Take(i), forming]);
                    Same(appended[i], indicator.Preview(forming), $"{spec} on {name}, preview of a changed candle {i}");
                }

                Assert.Equal(before, indicator.Current);
                Assert.Equal(i, indicator.Samples);
                Same(batch[i], indicator.Update(candles[i]), $"{spec} on {name}, candle {i} after its previews");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllSpecs))]
    public void Krakens_forming_candle_previews_as_the_batch_value_of_the_series_with_it_appended(string text)
    {
        var spec = IndicatorSpec.Parse(text);
        var closed = RecordedCandles.KrakenOneMinute;
        var forming = RecordedCandles.KrakenForming;
        var series = new IndicatorSeries(spec);
        foreach (var candle in closed)
        {
            series.Add(candle);
        }

        var latest = series.Latest;
        var expected = Batch(spec, [.. closed, forming]);
        Same(expected[^1], series.Preview(forming), $"{spec}, forming 00:17");
        Same(expected[^1], series.Preview(forming), $"{spec}, forming 00:17 previewed again");
        Assert.Equal(latest, series.Latest);
        Same(expected[^2], series.Latest, $"{spec}, last closed after the preview");
    }

    [Theory]
    [MemberData(nameof(AllSpecs))]
    public void Official_klines_replacing_the_live_candles_give_the_batch_values_of_the_official_series(string text)
    {
        // The chart's real sequence: the server builds candles live from Kraken's trades, and the
        // exchange's official klines replace them. 17:23 was built from one of its two trades (the
        // other precedes the recording), so its official kline differs; every other minute matches.
        var spec = IndicatorSpec.Parse(text);
        var official = RecordedCandles.KrakenOneMinute;
        var live = RecordedCandles.KrakenLiveOneMinute;
        var series = new IndicatorSeries(spec);
        foreach (var candle in official)
        {
            series.Add(live.TryGetValue(candle.OpenTime, out var built) ? built : candle);
        }

        var outcomes = new Dictionary<IndicatorReplacementKind, int>();
        var edge = DateTimeOffset.Parse("2025-11-10T17:23:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        foreach (var candle in official.Where(c => live.ContainsKey(c.OpenTime)))
        {
            var outcome = series.Replace(candle);
            outcomes[outcome.Kind] = outcomes.GetValueOrDefault(outcome.Kind) + 1;
            if (candle.OpenTime == edge)
            {
                Assert.Equal(IndicatorReplacementKind.Replayed, outcome.Kind);
                Assert.Equal(official.Length - Array.FindIndex(official, c => c.OpenTime == edge), outcome.Replayed);
                Assert.Equal(edge, outcome.FirstChangedOpenTime);
            }
        }

        Assert.Equal(1, outcomes[IndicatorReplacementKind.Replayed]);
        Assert.Equal(410, outcomes[IndicatorReplacementKind.Unchanged]);
        var batch = Batch(spec, official);
        for (var i = 0; i < official.Length; i++)
        {
            Same(batch[i], series.ValueAt(i), $"{spec}, candle {i} after the official klines");
            Assert.Equal(official[i], series.CandleAt(i));
        }
    }

    [Theory]
    [MemberData(nameof(AllSpecs))]
    public void A_replacement_in_the_middle_replays_from_that_candle_only_and_equals_the_batch_of_the_corrected_series(string text)
    {
        var spec = IndicatorSpec.Parse(text);
        foreach (var (name, candles) in RecordedCandles.All())
        {
            // A window shorter than the series: the replacement must not need the candles before it.
            var window = Math.Min(300, candles.Length);
            foreach (var position in new[] { candles.Length - 1, candles.Length - 2, candles.Length - (window / 2) - 7, candles.Length - window })
            {
                var corrected = candles.ToArray();
                var series = new IndicatorSeries(spec, window);
                for (var i = 0; i < candles.Length; i++)
                {
                    series.Add(i == position ? Perturb(candles[i], -3.25m) with { Source = CandleSource.Live } : candles[i]);
                }

                var outcome = series.Replace(candles[position]);
                Assert.Equal(IndicatorReplacementKind.Replayed, outcome.Kind);
                Assert.Equal(candles.Length - position, outcome.Replayed);
                Assert.Equal(candles[position].OpenTime, outcome.FirstChangedOpenTime);

                var batch = Batch(spec, corrected);
                var firstHeld = candles.Length - series.Count;
                for (var i = 0; i < series.Count; i++)
                {
                    Same(batch[firstHeld + i], series.ValueAt(i), $"{spec} on {name}, replaced {position}, candle {firstHeld + i}");
                }

                Same(batch[^1], series.Latest, $"{spec} on {name}, latest after replacing {position}");

                // And back: replacing with the changed candle gives the batch of the changed series.
                corrected[position] = Perturb(candles[position], 1.75m);
                Assert.Equal(IndicatorReplacementKind.Replayed, series.Replace(corrected[position]).Kind);
                batch = Batch(spec, corrected);
                for (var i = 0; i < series.Count; i++)
                {
                    Same(batch[firstHeld + i], series.ValueAt(i), $"{spec} on {name}, replaced {position} again, candle {firstHeld + i}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllSpecs))]
    public void A_replacement_older_than_the_window_recomputes_from_the_window_start_and_says_so(string text)
    {
        var spec = IndicatorSpec.Parse(text);
        var candles = RecordedCandles.KrakenOneMinute;
        var series = new IndicatorSeries(spec, window: 250);
        foreach (var candle in candles)
        {
            series.Add(candle);
        }

        var outcome = series.Replace(Perturb(candles[100], 1m));

        Assert.Equal(IndicatorReplacementKind.RecomputedFromWindowStart, outcome.Kind);
        Assert.Equal(250, outcome.Replayed);
        Assert.Equal(candles[^250].OpenTime, outcome.FirstChangedOpenTime);
        var held = candles[^250..];
        var batch = Batch(spec, held);
        for (var i = 0; i < held.Length; i++)
        {
            Same(batch[i], series.ValueAt(i), $"{spec}, candle {i} of the window");
        }
    }
}
