using System.Globalization;
using System.Text.Json;
using CandleDashboard.Core.Building;
using CandleDashboard.Core.Market;
using CandleDashboard.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Core.Tests;

/// <summary>
/// Kraken's recorded XBT/USDT trades and 1m OHLC (../shared/data/kraken, README there): the trades
/// as <see cref="Trade"/>s, the official rows as official candles, and 1m candles built live from
/// any sequence of the trades by the real <see cref="LiveCandleBuilder"/>.
/// </summary>
internal static class KrakenRecording
{
    public static readonly long FirstFullMinute = DateTimeOffset.Parse("2025-11-10T17:24:00Z").ToUnixTimeMilliseconds();
    public static readonly long LastFullMinute = DateTimeOffset.Parse("2025-11-11T00:12:00Z").ToUnixTimeMilliseconds();

    /// <summary>The 1m candles the builder closes from <paramref name="trades"/>, its clock then advanced to <paramref name="until"/> (default: a day after the recording).</summary>
    public static Dictionary<long, Candle> Rebuild(IEnumerable<Trade> trades, long? until = null)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2025-11-12T00:00:00Z"));
        var builder = new LiveCandleBuilder("XBTUSDT", [Interval.OneMinute], clock);
        var candles = new Dictionary<long, Candle>();
        builder.CandleClosed += (_, c) => candles.Add(c.OpenTime, c);
        foreach (var trade in trades)
        {
            Assert.NotEqual(Building.TradeOutcome.Rejected, builder.Apply(trade));
        }

        builder.AdvanceTo(until ?? clock.GetUtcNow().ToUnixTimeMilliseconds());
        return candles;
    }

    public static List<Trade> LoadTrades()
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

    public static Dictionary<long, Candle> LoadOfficial()
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
