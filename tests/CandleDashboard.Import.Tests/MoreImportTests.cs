using System.Globalization;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Redis;
using CandleDashboard.Tests.Shared.Servers;
using CandleDashboard.Web.Operations.Import;
using StackExchange.Redis;

namespace CandleDashboard.Import.Tests;

[Collection(ImportCollection.Name)]
public sealed class MoreImportTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Files_splitting_a_bucket_imported_in_one_run_give_the_rows_of_the_whole_file()
    {
        var lines = File.ReadAllLines(ImportHarness.BinanceSlice);
        var first = ImportHarness.TempFile("BTCUSDT-part1.csv", string.Join('\n', lines[..1000]) + "\n");
        var second = ImportHarness.TempFile("BTCUSDT-part2.csv", string.Join('\n', lines[1000..]) + "\n");

        var whole = await fixture.CreateDatabaseAsync();
        Assert.Equal(0, (await ImportHarness.RunAsync(whole, "--exchange", "binance", "--symbol", "BTCUSDT", ImportHarness.BinanceSlice)).ExitCode);
        var parts = await fixture.CreateDatabaseAsync();
        var run = await ImportHarness.RunAsync(parts, "--exchange", "binance", "--symbol", "BTCUSDT", "--commit-every", "97", first, second);
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        Assert.Equal(await ImportHarness.RowsAsync(whole), await ImportHarness.RowsAsync(parts));

        // Both known as done: the second run restores the first file's end state and the second's, and changes nothing.
        var again = await ImportHarness.RunAsync(parts, "--exchange", "binance", "--symbol", "BTCUSDT", first, second);
        Assert.Contains("(2 already complete, 0 resumed)", again.Output);
        Assert.Contains("rows inserted or changed: 0", again.Output);
    }

    [Fact]
    public async Task A_second_import_of_the_same_series_at_the_same_time_is_refused()
    {
        var db = await fixture.CreateDatabaseAsync();
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db);
        var writer = new CandleDashboard.Storage.Postgres.CandleImportWriter(dataSource);
        await using (var held = await writer.TryLockAsync("binance", "BTCUSDT", CancellationToken.None))
        {
            Assert.NotNull(held);
            var refused = await ImportHarness.RunAsync(db, "--exchange", "binance", "--symbol", "BTCUSDT", ImportHarness.BinanceSlice);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("another import of binance BTCUSDT is running", refused.Error);
            Assert.Empty(await ImportHarness.RowsAsync(db));

            // Another symbol is not held up.
            Assert.Equal(0, (await ImportHarness.RunAsync(db, "--exchange", "binance", "--symbol", "ETHUSDT", ImportHarness.BinanceSlice)).ExitCode);
        }

        Assert.Equal(0, (await ImportHarness.RunAsync(db, "--exchange", "binance", "--symbol", "BTCUSDT", ImportHarness.BinanceSlice)).ExitCode);
    }

    [Fact]
    public async Task With_redis_configured_each_series_newest_candles_are_copied_through_the_apps_redis_store()
    {
        await using var redis = await RedisServer.StartAsync();
        var db = await fixture.CreateDatabaseAsync();
        var run = await ImportHarness.RunAsync(db, "--exchange", "binance", "--symbol", "BTCUSDT", ImportHarness.BinanceSlice,
            $"--ConnectionStrings:Redis={redis.ConnectionString}");
        Assert.True(run.ExitCode == 0, run.Error + run.Output);

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var store = new RedisCandleStore(connection);
        foreach (var interval in Interval.Defaults)
        {
            var inPostgres = await ImportHarness.CandlesAsync(db, "binance", "BTCUSDT", interval);
            var inRedis = await store.GetRecentAsync(new SeriesKey("binance", "BTCUSDT", interval), 1000, CancellationToken.None);
            Assert.NotEmpty(inRedis);
            Assert.Equal(inPostgres, inRedis);
        }

        Assert.Contains("copied to Redis: 26", run.Output); // 15s 12, 30s 6, 1m 3, and one each of 5m, 15m, 1h, 4h, 1d
    }

    [Fact]
    public async Task On_a_terminal_the_progress_bar_and_summary_table_are_drawn()
    {
        var db = await fixture.CreateDatabaseAsync();
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await ImportCommand.RunAsync(
            ["--exchange", "binance", "--symbol", "BTCUSDT", ImportHarness.BinanceSlice, $"--ConnectionStrings:Postgres={db}"], output, error, interactive: true);
        Assert.True(exit == 0, error.ToString());
        var text = output.ToString();
        Assert.Contains("BTCUSDT-trades-2021-01-01-slice.csv", text);
        Assert.Contains("100%", text);
        Assert.Contains("Imported 2,366 trades of binance BTCUSDT", text);
        Assert.Contains("candles written", text);
    }
}
