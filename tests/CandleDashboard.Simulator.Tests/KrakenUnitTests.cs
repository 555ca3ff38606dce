using CandleDashboard.Simulator.Kraken;
using CandleDashboard.Simulator.Market;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Simulator.Tests;

/// <summary>The small pure pieces of the Kraken side: names, numbers, paging across equal timestamps, the rate counter, the command line.</summary>
public sealed class KrakenUnitTests
{
    [Theory]
    [InlineData("BTCUSD", "BTCUSD", "XXBTZUSD", "XBTUSD", "XBT/USD", "BTC/USD", 1)]
    [InlineData("XXBTZUSD", "BTCUSD", "XXBTZUSD", "XBTUSD", "XBT/USD", "BTC/USD", 1)]
    [InlineData("btc/usd", "BTCUSD", "XXBTZUSD", "XBTUSD", "XBT/USD", "BTC/USD", 1)]
    [InlineData("XBTUSDT", "BTCUSDT", "XBTUSDT", "XBTUSDT", "XBT/USDT", "BTC/USDT", 1)]
    [InlineData("ETHUSD", "ETHUSD", "XETHZUSD", "ETHUSD", "ETH/USD", "ETH/USD", 2)]
    [InlineData("SOLUSD", "SOLUSD", "SOLUSD", "SOLUSD", "SOL/USD", "SOL/USD", 2)]
    public void Pair_names_follow_Krakens_conventions(string input, string symbol, string key, string altname, string wsname, string v2, int decimals)
    {
        var p = KrakenPairProfile.For(input)!;
        Assert.Equal((symbol, key, altname, wsname, v2, decimals), (p.Symbol, p.Key, p.Altname, p.WsName, p.WsSymbol, p.PairDecimals));
    }

    [Theory]
    [InlineData("BTC")]
    [InlineData("BTC-USD")]
    [InlineData("")]
    public void Not_a_pair_name(string input) => Assert.Null(KrakenPairProfile.For(input));

    [Theory]
    [InlineData("105433.6", 1, "105433.6", "105433.6")]
    [InlineData("105434", 1, "105434.0", "105434.0")]
    [InlineData("0.00027625", 8, "0.00027625", "0.00027625")]
    [InlineData("3001.25", 2, "3001.25", "3001.25")]
    [InlineData("105433.6", 5, "105433.60000", "105433.6")]
    public void Decimals_are_written_as_Kraken_writes_them(string value, int decimals, string fixedText, string number)
    {
        Assert.True(FixedPoint.TryParse(value, out var units));
        Assert.Equal(fixedText, KrakenNumbers.Fixed(units, decimals));
        Assert.Equal(number, KrakenNumbers.Number(units));
    }

    [Fact]
    public void Vwap_is_truncated_toward_zero_to_the_pair_decimals_and_zero_without_volume()
    {
        // 23:10 of the real file: exactly 106059.99998…, Kraken shows 106059.9.
        var quote = (Int128)FixedPoint.FromDecimal(106059.9m) * FixedPoint.FromDecimal(0.0002m) + (Int128)FixedPoint.FromDecimal(106060m) * FixedPoint.FromDecimal(12m);
        var volume = FixedPoint.FromDecimal(12.0002m);
        Assert.Equal("106059.9", KrakenNumbers.Fixed(KrakenNumbers.Vwap(quote, volume, 1), 1));
        Assert.Equal("0.0", KrakenNumbers.Fixed(KrakenNumbers.Vwap(0, 0, 1), 1));
    }

    [Theory]
    [InlineData(1762795433971744500, "1762795433.9717445", "2025-11-10T17:23:53.971744Z")]
    [InlineData(1762795433000000000, "1762795433.0", "2025-11-10T17:23:53.000000Z")]
    public void Times_are_seconds_with_their_fraction_and_RFC3339_microseconds(long ns, string seconds, string rfc3339)
    {
        Assert.Equal(seconds, KrakenNumbers.Seconds(ns));
        Assert.Equal(rfc3339, KrakenNumbers.Rfc3339(ns));
    }

    [Fact]
    public void A_Trades_page_never_splits_trades_that_share_a_timestamp()
    {
        var options = new SimulatorOptions();
        var profile = KrakenPairProfile.For("BTCUSD")!;
        var pair = new KrakenPair(profile, new SymbolMarket(profile.WalkProfile, KrakenIntervals.Lengths, 0, 10_000_000, options), 100_000);
        long[] times = [1, 2, 2, 2, 3, 4, 4, 5];
        pair.RecordHistory(times.Select((t, i) => new KrakenTrade(new SimTrade(i + 1, 6_000_000_000_000, 100_000, t, false), t * 1_000_000, false)).ToList());

        List<long> Ids(List<KrakenTrade> page) => page.Select(t => t.Trade.TradeId).ToList();
        Assert.Equal([1], Ids(pair.Page(afterNs: 0, null, 2)));          // ends before the group at time 2
        Assert.Equal([2, 3, 4], Ids(pair.Page(afterNs: 1_000_000, null, 2))); // a group starting the page is taken whole
        Assert.Equal([5], Ids(pair.Page(afterNs: 2_000_000, null, 2)));
        Assert.Equal([6, 7, 8], Ids(pair.Page(afterNs: 3_999_999, null, 3)));
        Assert.Equal([2, 3, 4, 5], Ids(pair.Page(null, fromNs: 2_000_000, 4)));
        Assert.Equal([8], Ids(pair.Page(null, null, 2)));                // the newest page starts at a whole timestamp
        Assert.Empty(pair.Page(afterNs: 5_000_000, null, 10));
    }

    [Fact]
    public void The_rate_counter_refuses_past_its_maximum_and_decays_with_time()
    {
        var clock = new FakeTimeProvider();
        var limiter = new KrakenRateLimiter(maximum: 3, decayPerSecond: 0.5, clock);
        Assert.True(limiter.TryCharge() && limiter.TryCharge() && limiter.TryCharge());
        Assert.False(limiter.TryCharge());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(limiter.TryCharge()); // decayed by 0.5 only
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryCharge());
        Assert.True(new KrakenRateLimiter(0, 1, clock).TryCharge(1_000));
    }

    [Fact]
    public void Command_line_sets_the_Kraken_options()
    {
        Assert.True(SimulatorCommandLine.TryParse(
            ["--kraken-symbols", "BTCUSD, SOLUSD", "--kraken-rate", "12", "--kraken-replay", "x.json", "--kraken-rate-limit", "0"], out var options, out var error), error);
        Assert.Equal(["BTCUSD", "SOLUSD"], options.KrakenSymbols);
        Assert.Equal(12, options.KrakenTradesPerSecondPerPair);
        Assert.Equal("x.json", options.KrakenReplayFile);
        Assert.Equal(0, options.KrakenRateLimitMaximum);
        Assert.True(SimulatorCommandLine.TryParse([], out var defaults, out _));
        Assert.Equal(["BTCUSD", "ETHUSD"], defaults.KrakenSymbols);
    }
}
