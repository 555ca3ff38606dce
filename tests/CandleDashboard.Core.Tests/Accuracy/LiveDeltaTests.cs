using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Tests.Accuracy;

/// <summary>
/// Live vs official on Kraken's recorded XBT/USDT session: candles built here from the recorded
/// trades by the real builder, against Kraken's own 1m OHLC rows for the same minutes.
/// </summary>
public class LiveDeltaTests
{
    private static readonly long EdgeMinute = KrakenRecording.FirstFullMinute - 60_000; // 17:23, its first trade predates the recording

    [Fact]
    public void Every_fully_covered_minute_of_the_recording_matches_with_zero_differences()
    {
        var official = KrakenRecording.LoadOfficial();
        var live = KrakenRecording.Rebuild(KrakenRecording.LoadTrades());

        var deltas = new List<LiveDelta>();
        for (var minute = KrakenRecording.FirstFullMinute; minute <= KrakenRecording.LastFullMinute; minute += 60_000)
        {
            deltas.Add(LiveDelta.Between(live[minute] with { Source = CandleSource.Live }, official[minute]));
        }

        Assert.Equal(409, deltas.Count);
        Assert.All(deltas, d => Assert.True(d.Matched, $"{d} should match"));
        Assert.All(deltas, d => Assert.Equal((0m, 0m, 0m, 0m, 0m, 0L), (d.Open, d.High, d.Low, d.Close, d.Volume, d.TradeCount)));
    }

    [Fact]
    public void The_minute_whose_first_trade_the_feed_never_saw_differs_by_that_trade()
    {
        var official = KrakenRecording.LoadOfficial()[EdgeMinute];
        var live = KrakenRecording.Rebuild(KrakenRecording.LoadTrades())[EdgeMinute];

        var delta = LiveDelta.Between(live, official);

        // Official 105433.4/105433.6/105433.4/105433.6, 0.00036969, 2 trades; live saw only
        // trade 10218208: 0.00027625 at 105433.6. The missing trade: 0.00009344 at 105433.4.
        Assert.False(delta.Matched);
        Assert.Equal(EdgeMinute, delta.OpenTime);
        Assert.Equal(-0.2m, delta.Open);
        Assert.Equal(0m, delta.High);
        Assert.Equal(-0.2m, delta.Low);
        Assert.Equal(0m, delta.Close);
        Assert.Equal(0.00009344m, delta.Volume);
        Assert.Equal(1L, delta.TradeCount);
        // Written with the fewest decimals: a 1-decimal kline minus a 5-decimal trade price.
        Assert.Equal("-0.2", delta.Open.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0", delta.Close.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_feed_that_lost_the_last_two_trades_of_a_minute_shows_them_as_the_difference()
    {
        var minute = DateTimeOffset.Parse("2025-11-10T23:57:00Z").ToUnixTimeMilliseconds();
        var official = KrakenRecording.LoadOfficial()[minute];
        var trades = KrakenRecording.LoadTrades();
        var lost = trades.Where(t => t.TradeId is 10219168 or 10219169).ToArray();
        var live = KrakenRecording.Rebuild(trades.Except(lost))[minute];

        var delta = LiveDelta.Between(live, official);

        // Lost: 0.00010662 at 106034.3 and 0.00421562 at 106048.8 (the high and the close).
        Assert.False(delta.Matched);
        Assert.Equal((0m, 30.9m, 0m, 39.1m), (delta.Open, delta.High, delta.Low, delta.Close));
        Assert.Equal(lost.Sum(t => t.Quantity), delta.Volume);
        Assert.Equal(0.00432224m, delta.Volume);
        Assert.Equal(2L, delta.TradeCount);
    }

    [Fact]
    public void Only_a_closed_live_candle_and_an_official_one_of_the_same_open_time_compare()
    {
        var live = new Candle(60_000, 1m, 2m, 0.5m, 1.5m, 3m, 4.5m, 7, true, CandleSource.Live);
        var official = live with { Source = CandleSource.Official };

        Assert.True(LiveDelta.Between(live, official).Matched);
        Assert.Throws<ArgumentException>(() => LiveDelta.Between(official, official));
        Assert.Throws<ArgumentException>(() => LiveDelta.Between(live with { IsClosed = false }, official));
        Assert.Throws<ArgumentException>(() => LiveDelta.Between(live, live));
        Assert.Throws<ArgumentException>(() => LiveDelta.Between(live, official with { OpenTime = 120_000 }));
    }

    [Fact]
    public void Quote_volume_is_not_compared_because_exchanges_round_it()
    {
        var live = new Candle(60_000, 1m, 2m, 0.5m, 1.5m, 3m, 4.123456789m, 7, true, CandleSource.Live);

        var delta = LiveDelta.Between(live, live with { QuoteVolume = 4.12345679m, Source = CandleSource.Official });

        Assert.True(delta.Matched);
    }

    [Theory]
    [InlineData("105433.60000", "105433.4", "-0.2")]
    [InlineData("106009.70", "106048.8", "39.1")]
    [InlineData("105861.50000", "105861.5", "0")]
    [InlineData("99", "199", "100")]
    [InlineData("0.37679504", "0.38111728", "0.00432224")]
    public void Differences_are_exact_and_written_with_the_fewest_decimals(string liveClose, string officialClose, string written)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var liveValue = decimal.Parse(liveClose, culture);
        var officialValue = decimal.Parse(officialClose, culture);
        var live = new Candle(60_000, 1m, 1000000m, 0.1m, liveValue, 1m, 1m, 1, true, CandleSource.Live);

        var delta = LiveDelta.Between(live, live with { Close = officialValue, Source = CandleSource.Official });

        Assert.Equal(officialValue - liveValue, delta.Close);
        Assert.Equal(written, delta.Close.ToString(culture));
    }
}
