using System.Globalization;
using System.Text.Json;
using CandleDashboard.Core.Building;
using CandleDashboard.Core.Market;
using CandleDashboard.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Core.Tests.Indicators;

/// <summary>
/// Candles from the real market data in ../shared/data (see its README), read as the other real-data
/// tests read them (KrakenRealDataTests): Kraken's official XBT/USDT 1m OHLC, the same minutes rebuilt
/// live from Kraken's trades, and 1s candles built from the Binance BTC/USDT trades slice.
/// </summary>
internal static class RecordedCandles
{
    private static readonly Lazy<(Candle[] Closed, Candle Forming)> KrakenOfficial = new(LoadKrakenOfficial);
    private static readonly Lazy<Dictionary<long, Candle>> KrakenLive = new(LoadKrakenLive);
    private static readonly Lazy<Candle[]> BinanceSeconds = new(LoadBinanceSeconds);

    /// <summary>Kraken's 720 committed 1m candles, 2025-11-10 12:17 to 2025-11-11 00:16 UTC (216 of the 721 rows are empty; the series crosses 00:00 UTC).</summary>
    public static Candle[] KrakenOneMinute => KrakenOfficial.Value.Closed;

    /// <summary>Kraken's final row, 00:17: the candle that was still forming when Kraken answered.</summary>
    public static Candle KrakenForming => KrakenOfficial.Value.Forming;

    /// <summary>1m candles this server builds live from Kraken's 1,000 recorded trades (17:23 to 00:13; 17:23 misses a trade, the rest equal the official rows).</summary>
    public static IReadOnlyDictionary<long, Candle> KrakenLiveOneMinute => KrakenLive.Value;

    /// <summary>1s candles built from the 2,366 Binance trades of 2021-01-01 00:57:11 to 00:59:59 (prices with 8 decimals; empty seconds are flat).</summary>
    public static Candle[] BinanceOneSecond => BinanceSeconds.Value;

    public static IEnumerable<(string Name, Candle[] Candles)> All()
    {
        yield return ("kraken 1m", KrakenOneMinute);
        yield return ("binance 1s", BinanceOneSecond);
    }

    private static (Candle[], Candle) LoadKrakenOfficial()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("kraken", "XBTUSDT-ohlc-1m.json")));
        var candles = new List<Candle>();
        foreach (var row in doc.RootElement.GetProperty("result").GetProperty("XBTUSDT").EnumerateArray())
        {
            decimal D(int i) => decimal.Parse(row[i].GetString()!, CultureInfo.InvariantCulture);
            var openTime = row[0].GetInt64() * 1000;
            candles.Add(new Candle(openTime, D(1), D(2), D(3), D(4), D(6), 0m, row[7].GetInt64(), true, CandleSource.Official));
        }

        Assert.Equal(721, candles.Count);
        var forming = candles[^1] with { IsClosed = false };
        return (candles.Take(720).ToArray(), forming);
    }

    private static Dictionary<long, Candle> LoadKrakenLive() =>
        KrakenRecording.Rebuild(KrakenRecording.LoadTrades(), until: DateTimeOffset.Parse("2025-11-11T00:14:00Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds());

    private static Candle[] LoadBinanceSeconds()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2021-01-02T00:00:00Z", CultureInfo.InvariantCulture));
        var builder = new LiveCandleBuilder("BTCUSDT", [Interval.OneSecond], clock);
        var candles = new List<Candle>();
        builder.CandleClosed += (_, c) => candles.Add(c);
        long last = 0;
        foreach (var line in File.ReadLines(SharedData.PathOf("binance", "BTCUSDT-trades-2021-01-01-slice.csv")))
        {
            var f = line.Split(',');
            last = long.Parse(f[4], CultureInfo.InvariantCulture);
            builder.Apply(new Trade(
                "BTCUSDT",
                long.Parse(f[0], CultureInfo.InvariantCulture),
                decimal.Parse(f[1], CultureInfo.InvariantCulture),
                decimal.Parse(f[2], CultureInfo.InvariantCulture),
                last,
                bool.Parse(f[5])));
        }

        builder.AdvanceTo(last + 1_000);
        return candles.ToArray();
    }
}
