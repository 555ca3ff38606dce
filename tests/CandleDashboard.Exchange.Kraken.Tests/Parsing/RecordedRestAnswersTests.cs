using System.Globalization;
using CandleDashboard.Core.Building;
using CandleDashboard.Core.Market;
using CandleDashboard.Exchange.Kraken.Parsing;
using CandleDashboard.Exchange.Kraken.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Exchange.Kraken.Tests.Parsing;

/// <summary>
/// Kraken's real REST answers for XBT/USDT (../shared/data/kraken, README there) through the
/// adapter's own parsers, and the trades rebuilt by the core's builder against the official OHLC.
/// </summary>
public sealed class RecordedRestAnswersTests
{
    private static readonly long FirstFullMinute = DateTimeOffset.Parse("2025-11-10T17:24:00Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
    private static readonly long LastFullMinute = DateTimeOffset.Parse("2025-11-11T00:12:00Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    [Fact]
    public void Trades_page_parses_to_1000_exact_trades_and_the_nanosecond_cursor()
    {
        var page = KrakenTradesParser.Parse(KrakenSamples.RecordedResult("XBTUSDT-trades.json", out var envelope), "BTCUSDT");
        using var _ = envelope;

        Assert.Equal(1000, page.Trades.Count);
        Assert.Equal(1762820035982277754, page.NextCursor);

        // The first row: ["105433.60000","0.00027625",1762795433.9717445,"b","l","",10218208].
        var first = page.Trades[0];
        Assert.Equal(new Trade("BTCUSDT", 10218208, 105433.6m, 0.00027625m, 1762795433971, IsBuyerMaker: false), first);
        Assert.Equal("105433.60000", first.Price.ToString(CultureInfo.InvariantCulture)); // the exchange's text, every digit
        Assert.Equal("0.00027625", first.Quantity.ToString(CultureInfo.InvariantCulture));

        // Ids run 10218208..10219207 without a gap, times never go back.
        Assert.Equal(Enumerable.Range(10218208, 1000).Select(i => (long)i), page.Trades.Select(t => t.TradeId));
        Assert.All(page.Trades.Zip(page.Trades.Skip(1)), p => Assert.True(p.First.Time <= p.Second.Time));
        Assert.Equal(1762820035982, page.Trades[^1].Time); // 00:13:55.982 (the file's last trade)
        Assert.Contains(page.Trades, t => t.IsBuyerMaker);  // "s" rows: the taker sold
        Assert.Contains(page.Trades, t => !t.IsBuyerMaker);
    }

    [Fact]
    public void Trade_time_is_read_exactly_from_the_number_text_not_through_a_double()
    {
        // As a double, 1762795433.0009999999 rounds to 1762795433.001 (a double keeps ~16 digits), one
        // millisecond later than the trade happened; read as a decimal it stays in millisecond .000.
        var json = """{"error":[],"result":{"XBTUSDT":[["1.0","1.0",1762795433.0009999999,"b","l","",1]],"last":"1"}}"""u8.ToArray();
        using var envelope = KrakenEnvelope.Parse(json);
        var trade = KrakenTradesParser.Parse(envelope.Result!.Value, "BTCUSDT").Trades.Single();

        Assert.Equal(1762795433000, trade.Time);
        Assert.Equal(1_762_795_433_000_000_000, KrakenTradesParser.CursorAt(1762795433000));
    }

    [Fact]
    public void Ohlc_answer_parses_721_rows_with_only_the_last_one_forming()
    {
        var candles = KrakenOhlcParser.Parse(KrakenSamples.RecordedResult("XBTUSDT-ohlc-1m.json", out var envelope), out var last);
        using var _ = envelope;

        Assert.Equal(721, candles.Count);
        Assert.Equal(1762820160, last); // 00:16, the last committed candle
        Assert.False(candles[^1].IsClosed); // 00:17, still forming when Kraken answered
        Assert.All(candles.SkipLast(1), c => Assert.True(c.IsClosed));
        Assert.All(candles.Zip(candles.Skip(1)), p => Assert.Equal(60_000, p.Second.OpenTime - p.First.OpenTime));
        Assert.All(candles, c => Assert.Equal(CandleSource.Official, c.Source));
        Assert.Equal(505, candles.Count(c => c.TradeCount > 0));

        // 18:12 (README's first example row): 105872.0 / 105872.0 / 105803.8 / 105861.5, vwap 105837.2, 2.01179090, 26.
        var row = candles.Single(c => c.OpenTime == 1762798320_000);
        Assert.Equal(new Candle(1762798320_000, 105872.0m, 105872.0m, 105803.8m, 105861.5m, 2.01179090m, 105837.2m * 2.01179090m, 26, true, CandleSource.Official), row);
    }

    [Fact]
    public void Trades_rebuilt_by_the_core_builder_equal_the_official_ohlc_on_all_409_fully_covered_minutes()
    {
        var page = KrakenTradesParser.Parse(KrakenSamples.RecordedResult("XBTUSDT-trades.json", out var tradesEnvelope), "BTCUSDT");
        var official = KrakenOhlcParser.Parse(KrakenSamples.RecordedResult("XBTUSDT-ohlc-1m.json", out var ohlcEnvelope), out _)
            .ToDictionary(c => c.OpenTime);
        tradesEnvelope.Dispose();
        ohlcEnvelope.Dispose();

        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2025-11-12T00:00:00Z", CultureInfo.InvariantCulture));
        var builder = new LiveCandleBuilder("BTCUSDT", [Interval.OneMinute], clock);
        var rebuilt = new Dictionary<long, Candle>();
        builder.CandleClosed += (_, c) => rebuilt.Add(c.OpenTime, c);
        foreach (var trade in page.Trades)
        {
            Assert.Equal(TradeOutcome.Accepted, builder.Apply(trade));
        }

        builder.AdvanceTo(clock.GetUtcNow().ToUnixTimeMilliseconds());

        int compared = 0, withTrades = 0, empty = 0;
        for (var minute = FirstFullMinute; minute <= LastFullMinute; minute += 60_000)
        {
            var expected = official[minute];
            var actual = rebuilt[minute];

            // Prices compare as numbers: trades carry 5 decimals, candles 1 (decimal equality ignores scale).
            Assert.Equal(expected.TradeCount, actual.TradeCount);
            Assert.Equal(expected.Volume, actual.Volume);
            Assert.Equal(expected.Open, actual.Open);
            Assert.Equal(expected.High, actual.High);
            Assert.Equal(expected.Low, actual.Low);
            Assert.Equal(expected.Close, actual.Close);
            compared++;
            if (actual.TradeCount > 0)
            {
                withTrades++;
            }
            else
            {
                // An empty minute: the builder's flat candle at the previous close, as Kraken publishes it.
                Assert.Equal(0m, expected.Volume);
                empty++;
            }
        }

        Assert.Equal((409, 272, 137), (compared, withTrades, empty));

        // The edge minute before: Kraken counts 2 trades, the file holds only the second (README).
        Assert.Equal(2, official[FirstFullMinute - 60_000].TradeCount);
        Assert.Equal(1, rebuilt[FirstFullMinute - 60_000].TradeCount);
    }
}
