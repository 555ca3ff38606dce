using System.Globalization;
using System.Text.Json;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Import.Tests;

[Collection(ImportCollection.Name)]
public sealed class KrakenImportTests(PostgresFixture fixture)
{
    [Fact]
    public async Task A_kraken_csv_rebuilds_krakens_official_1m_rows_for_every_fully_covered_minute()
    {
        var csv = ImportHarness.KrakenCsv(out var trades);
        var file = ImportHarness.TempFile("XBTUSDT-trades.csv", csv);
        var db = await fixture.CreateDatabaseAsync();
        var run = await ImportHarness.RunAsync(db, "--exchange", "kraken", "--symbol", "XBTUSDT", file);
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        Assert.Contains("Imported 1,000 trades of kraken XBTUSDT", run.Output);

        var official = OfficialRows();
        var stored = (await ImportHarness.CandlesAsync(db, "kraken", "XBTUSDT", Interval.OneMinute)).ToDictionary(c => c.OpenTime);
        var firstFull = Interval.OneMinute.Floor(trades[0].Time) + 60_000;
        var lastFull = Interval.OneMinute.Floor(trades[^1].Time) - 60_000;
        var compared = 0;
        var withTrades = 0;
        for (var t = firstFull; t <= lastFull; t += 60_000)
        {
            var o = official[t];
            var c = stored[t];
            Assert.Equal((o.Open, o.High, o.Low, o.Close, o.Volume, o.TradeCount), (c.Open, c.High, c.Low, c.Close, c.Volume, c.TradeCount));
            compared++;
            withTrades += c.TradeCount > 0 ? 1 : 0;
        }

        // The data README: 17:24 to 00:12, 409 minutes, 272 with trades and 137 empty (flat at the previous close).
        Assert.Equal(409, compared);
        Assert.Equal(272, withTrades);

        // And every interval is the live builder's.
        var expected = ImportHarness.Build(trades, "XBTUSDT");
        foreach (var interval in Interval.Defaults)
        {
            Assert.Equal(expected[interval], await ImportHarness.CandlesAsync(db, "kraken", "XBTUSDT", interval));
        }
    }

    private static Dictionary<long, Candle> OfficialRows()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("kraken", "XBTUSDT-ohlc-1m.json")));
        var rows = new Dictionary<long, Candle>();
        foreach (var row in document.RootElement.GetProperty("result").GetProperty("XBTUSDT").EnumerateArray())
        {
            static decimal D(JsonElement e) => decimal.Parse(e.GetString()!, CultureInfo.InvariantCulture);
            var openTime = row[0].GetInt64() * 1000;
            rows[openTime] = new Candle(openTime, D(row[1]), D(row[2]), D(row[3]), D(row[4]), D(row[6]), 0m, row[7].GetInt64(), true, CandleSource.Official);
        }

        return rows;
    }
}
