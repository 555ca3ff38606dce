using System.Globalization;
using System.Text.Json;
using CandleDashboard.Core.Building;
using CandleDashboard.Core.Market;
using CandleDashboard.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Core.Tests;

/// <summary>
/// The builder is exchange-agnostic: 1m candles rebuilt from Kraken's recorded XBT/USDT trades
/// must equal Kraken's own OHLC for every minute the trades fully cover (see ../shared/data/README.md).
/// </summary>
public class KrakenRealDataTests
{
    private static readonly long FirstFullMinute = DateTimeOffset.Parse("2025-11-10T17:24:00Z").ToUnixTimeMilliseconds();
    private static readonly long LastFullMinute = DateTimeOffset.Parse("2025-11-11T00:12:00Z").ToUnixTimeMilliseconds();

    [Fact]
    public void Rebuilt_one_minute_candles_equal_the_official_ohlc_for_every_fully_covered_minute()
    {
        var official = LoadOfficial();
        var rebuilt = Rebuild(LoadTrades());

        var compared = 0;
        var withTrades = 0;
        for (var minute = FirstFullMinute; minute <= LastFullMinute; minute += 60_000)
        {
            var expected = official[minute];
            Assert.True(rebuilt.TryGetValue(minute, out var actual), $"no rebuilt candle at {minute}");
            Assert.Equal(expected.TradeCount, actual.TradeCount);
            Assert.Equal(expected.Volume, actual.Volume);
            Assert.Equal(expected.Open, actual.Open);
            Assert.Equal(expected.High, actual.High);
            Assert.Equal(expected.Low, actual.Low);
            Assert.Equal(expected.Close, actual.Close);
            compared++;
            withTrades += actual.TradeCount > 0 ? 1 : 0;
        }

        Assert.Equal(409, compared);
        Assert.Equal(272, withTrades);
    }

    [Fact]
    public void The_partially_covered_first_minute_differs_as_the_data_notes_say()
    {
        var official = LoadOfficial();
        var rebuilt = Rebuild(LoadTrades());
        var edge = FirstFullMinute - 60_000;

        Assert.Equal(2, official[edge].TradeCount);
        Assert.Equal(1, rebuilt[edge].TradeCount);
        Assert.Equal(105433.6m, rebuilt[edge].Open);
    }

    private static Dictionary<long, Candle> Rebuild(IEnumerable<Trade> trades)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2025-11-12T00:00:00Z"));
        var builder = new LiveCandleBuilder("XBTUSDT", [Interval.OneMinute], clock);
        var candles = new Dictionary<long, Candle>();
        builder.CandleClosed += (_, c) => candles.Add(c.OpenTime, c);
        foreach (var trade in trades)
        {
            Assert.NotEqual(Building.TradeOutcome.Rejected, builder.Apply(trade));
        }

        builder.AdvanceTo(clock.GetUtcNow().ToUnixTimeMilliseconds());
        return candles;
    }

    private static List<Trade> LoadTrades()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("kraken", "XBTUSDT-trades.json")));
        var trades = new List<Trade>();
        foreach (var row in doc.RootElement.GetProperty("result").GetProperty("XBTUSDT").EnumerateArray())
        {
            // Time is seconds with a fraction: parse the raw JSON text as decimal, never a double.
            var seconds = decimal.Parse(row[2].GetRawText(), CultureInfo.InvariantCulture);
            trades.Add(new Trade(
                "XBTUSDT",
                row[6].GetInt64(),
                decimal.Parse(row[0].GetString()!, CultureInfo.InvariantCulture),
                decimal.Parse(row[1].GetString()!, CultureInfo.InvariantCulture),
                (long)decimal.Floor(seconds * 1000m),
                row[3].GetString() == "s"));
        }

        return trades;
    }

    private static Dictionary<long, Candle> LoadOfficial()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("kraken", "XBTUSDT-ohlc-1m.json")));
        var candles = new Dictionary<long, Candle>();
        foreach (var row in doc.RootElement.GetProperty("result").GetProperty("XBTUSDT").EnumerateArray())
        {
            decimal D(int i) => decimal.Parse(row[i].GetString()!, CultureInfo.InvariantCulture);
            var openTime = row[0].GetInt64() * 1000;
            candles[openTime] = new Candle(openTime, D(1), D(2), D(3), D(4), D(6), 0m, row[7].GetInt64(), true, CandleSource.Official);
        }

        return candles;
    }
}
