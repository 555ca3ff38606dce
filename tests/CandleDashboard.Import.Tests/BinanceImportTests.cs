using System.Globalization;
using System.IO.Compression;
using System.Text;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Import.Tests;

[Collection(ImportCollection.Name)]
public sealed class BinanceImportTests(PostgresFixture fixture)
{
    [Fact]
    public async Task The_binance_slice_gives_the_live_builders_candles_for_every_interval()
    {
        var db = await fixture.CreateDatabaseAsync();
        var run = await ImportHarness.RunAsync(db, "--exchange", "binance", "--symbol", "BTCUSDT", ImportHarness.BinanceSlice);
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        Assert.Contains("Imported 2,366 trades of binance BTCUSDT", run.Output);

        var expected = ImportHarness.Build(ImportHarness.ParseBinance(File.ReadLines(ImportHarness.BinanceSlice)));
        foreach (var interval in Interval.Defaults)
        {
            var stored = await ImportHarness.CandlesAsync(db, "binance", "BTCUSDT", interval);
            Assert.Equal(expected[interval], stored);
            Assert.All(stored, c => Assert.Equal(CandleSource.OfficialFromTrades, c.Source));
        }

        Assert.Equal(2366, (await ImportHarness.CandlesAsync(db, "binance", "BTCUSDT", Interval.OneDay)).Single().TradeCount);
    }

    [Fact]
    public async Task The_1m_candles_are_the_per_minute_aggregates_of_the_data_readme()
    {
        var db = await fixture.CreateDatabaseAsync();
        Assert.Equal(0, (await ImportHarness.RunAsync(db, "--exchange", "binance", "--symbol", "BTCUSDT", ImportHarness.BinanceSlice)).ExitCode);
        var minutes = await ImportHarness.CandlesAsync(db, "binance", "BTCUSDT", Interval.OneMinute);

        // /work/shared/data/README.md, "Per-minute aggregates": 00:57, 00:58 (the one fully covered minute), 00:59.
        Assert.Equal(3, minutes.Count);
        AssertMinute(minutes[0], "2021-01-01T00:57:00Z", 878, 29023.66m, 29031.34m, 29007.07m, 29015.40m, 36.82739000m, 1068748.06880568m);
        AssertMinute(minutes[1], "2021-01-01T00:58:00Z", 800, 29015.94m, 29023.81m, 28999.73m, 29021.63m, 41.39043800m, 1200981.20472131m);
        AssertMinute(minutes[2], "2021-01-01T00:59:00Z", 688, 29021.63m, 29021.64m, 28988.26m, 28995.13m, 81.46049700m, 2363432.17977376m);
    }

    [Fact]
    public async Task A_zipped_dump_with_a_header_and_microsecond_times_gives_the_same_candles()
    {
        var lines = File.ReadAllLines(ImportHarness.BinanceSlice);
        var csv = new StringBuilder("trade_id,price,qty,quote_qty,time,is_buyer_maker,is_best_match\n");
        foreach (var line in lines)
        {
            var f = line.Split(',');
            f[4] += "417"; // microseconds: 16 digits, as Binance's dumps since 2025
            csv.Append(string.Join(',', f)).Append('\n');
        }

        var zip = Path.Combine(Path.GetTempPath(), "cd-import-" + Guid.NewGuid().ToString("N")[..10] + "-BTCUSDT-trades-2021-01-01.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            var entry = archive.CreateEntry("BTCUSDT-trades-2021-01-01.csv");
            await using var writer = new StreamWriter(entry.Open());
            await writer.WriteAsync(csv.ToString());
        }

        var db = await fixture.CreateDatabaseAsync();
        var run = await ImportHarness.RunAsync(db, "--exchange", "binance", "--symbol", "BTCUSDT", zip);
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        Assert.Contains("malformed lines: 0", run.Output);
        Assert.Contains("trades: 2,366 (2021-01-01 00:57:11.341Z to 2021-01-01 00:59:59.110Z)", run.Output);

        var expected = ImportHarness.Build(ImportHarness.ParseBinance(lines));
        foreach (var interval in Interval.Defaults)
        {
            Assert.Equal(expected[interval], await ImportHarness.CandlesAsync(db, "binance", "BTCUSDT", interval));
        }
    }

    [Fact]
    public async Task Malformed_lines_are_reported_with_file_and_line_and_the_rest_is_imported()
    {
        var lines = File.ReadAllLines(ImportHarness.BinanceSlice).Take(300).ToArray();
        var bad = new Dictionary<int, string> // 1-based line numbers
        {
            [5] = "536837321,abc,0.00100000,29.02,1609462631400,False,True",
            [10] = "536837326,29023.66000000",
            [120] = "536837436,29023.66000000,-0.5,1,1609462640000,True,True",
            [299] = "<html>rate limited</html>",
        };
        var text = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            text.Append(bad.TryGetValue(i + 1, out var b) ? b : lines[i]).Append('\n');
        }

        var file = ImportHarness.TempFile("BTCUSDT-bad.csv", text.ToString());
        var db = await fixture.CreateDatabaseAsync();
        var run = await ImportHarness.RunAsync(db, "--exchange", "binance", "--symbol", "BTCUSDT", file);

        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        Assert.Contains("malformed lines: 4", run.Output);
        Assert.Contains($"malformed {file}:5: price is not a positive decimal", run.Output);
        Assert.Contains($"malformed {file}:10: expected trade_id,price,qty,quote_qty,time,is_buyer_maker[,is_best_match]", run.Output);
        Assert.Contains($"malformed {file}:120: qty is not a positive decimal", run.Output);
        Assert.Contains($"malformed {file}:299: expected trade_id,price,qty,quote_qty,time,is_buyer_maker[,is_best_match]", run.Output);

        var good = lines.Where((_, i) => !bad.ContainsKey(i + 1)).ToArray();
        var expected = ImportHarness.Build(ImportHarness.ParseBinance(good));
        Assert.Equal(296, expected[Interval.OneDay].Single().TradeCount);
        foreach (var interval in Interval.Defaults)
        {
            Assert.Equal(expected[interval], await ImportHarness.CandlesAsync(db, "binance", "BTCUSDT", interval));
        }
    }

    [Fact]
    public async Task Without_a_postgres_connection_string_the_command_says_so_and_fails()
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CandleDashboard.Web.Operations.Import.ImportCommand.RunAsync(
            ["--exchange", "binance", "--symbol", "BTCUSDT", ImportHarness.BinanceSlice], output, error, interactive: false);
        Assert.Equal(2, exit);
        Assert.Contains("PostgreSQL is not configured: set ConnectionStrings:Postgres", error.ToString());
    }

    [Fact]
    public async Task Bad_arguments_are_refused_before_anything_is_read()
    {
        var db = await fixture.CreateDatabaseAsync();
        Assert.Contains("--exchange must be binance or kraken", (await ImportHarness.RunAsync(db, "--exchange", "ftx", "--symbol", "BTCUSDT", ImportHarness.BinanceSlice)).Error);
        Assert.Contains("no such file", (await ImportHarness.RunAsync(db, "--exchange", "binance", "--symbol", "BTCUSDT", "/nonexistent/x.csv")).Error);
        Assert.Equal(2, (await ImportHarness.RunAsync(db, "--exchange", "binance", ImportHarness.BinanceSlice)).ExitCode);
    }

    private static void AssertMinute(Candle c, string openTime, long trades, decimal open, decimal high, decimal low, decimal close, decimal volume, decimal quoteVolume)
    {
        Assert.Equal(DateTimeOffset.Parse(openTime, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), c.OpenTime);
        Assert.Equal(trades, c.TradeCount);
        Assert.Equal(open, c.Open);
        Assert.Equal(high, c.High);
        Assert.Equal(low, c.Low);
        Assert.Equal(close, c.Close);
        Assert.Equal(volume, c.Volume);
        Assert.Equal(quoteVolume, c.QuoteVolume);
    }
}
