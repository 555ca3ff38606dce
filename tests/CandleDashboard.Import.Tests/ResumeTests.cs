using System.Diagnostics;

namespace CandleDashboard.Import.Tests;

/// <summary>A real kill of the built app mid-import, then the same command again: the rows of an uninterrupted run.</summary>
[Collection(ImportCollection.Name)]
public sealed class ResumeTests(PostgresFixture fixture)
{
    [Theory]
    [InlineData("binance")]
    [InlineData("kraken")]
    public async Task Killed_halfway_and_resumed_gives_the_rows_of_an_uninterrupted_run_and_a_second_run_changes_nothing(string exchange)
    {
        var (file, symbol, lines) = exchange == "binance"
            ? (ImportHarness.BinanceSlice, "BTCUSDT", 2366L)
            : (ImportHarness.TempFile("XBTUSDT-trades.csv", ImportHarness.KrakenCsv(out _)), "XBTUSDT", 1000L);
        string[] args = ["--exchange", exchange, "--symbol", symbol, "--commit-every", "150", file];

        var reference = await fixture.CreateDatabaseAsync();
        Assert.Equal(0, (await ImportHarness.RunAsync(reference, args)).ExitCode);
        var expected = await ImportHarness.RowsAsync(reference);

        // The child commits every 150 lines and waits 400 ms after each commit: killed after its second commit.
        var db = await fixture.CreateDatabaseAsync();
        using (var child = ImportHarness.StartChild(db, [.. args, "--pause-after-commit-ms", "400"]))
        {
            var watch = Stopwatch.StartNew();
            while (await LinesDoneAsync(db) < 300)
            {
                Assert.False(child.HasExited, "the import ended before it could be killed");
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "the import made no progress");
                await Task.Delay(20);
            }

            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        var killedAt = await LinesDoneAsync(db);
        Assert.InRange(killedAt, 300, lines - 1);
        Assert.False(await ImportHarness.ScalarAsync<bool>(db, "SELECT completed FROM import_progress"));
        var partial = await ImportHarness.RowsAsync(db);
        Assert.NotEmpty(partial);
        Assert.True(partial.Count < expected.Count);

        var resumed = await ImportHarness.RunAsync(db, args);
        Assert.True(resumed.ExitCode == 0, resumed.Error + resumed.Output);
        Assert.Contains("(0 already complete, 1 resumed)", resumed.Output);
        Assert.Contains($"+{killedAt:N0} committed before, skipped", resumed.Output);
        Assert.Equal(expected, await ImportHarness.RowsAsync(db));

        // Again: the file is complete, nothing is rewritten (not even a row's updated_at).
        var before = await ImportHarness.RowsAsync(db, withTimestamps: true);
        var again = await ImportHarness.RunAsync(db, args);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("(1 already complete, 0 resumed)", again.Output);
        Assert.Contains("rows inserted or changed: 0", again.Output);
        Assert.Equal(before, await ImportHarness.RowsAsync(db, withTimestamps: true));

        // And --restart reads the whole file again: the same rows, none changed.
        var restart = await ImportHarness.RunAsync(db, [.. args, "--restart"]);
        Assert.Equal(0, restart.ExitCode);
        Assert.Contains("rows inserted or changed: 0", restart.Output);
        Assert.Equal(before, await ImportHarness.RowsAsync(db, withTimestamps: true));
    }

    private static async Task<long> LinesDoneAsync(string db)
    {
        try
        {
            return await ImportHarness.ScalarAsync<long>(db, "SELECT coalesce(max(lines_done), 0) FROM import_progress");
        }
        catch (Npgsql.PostgresException ex) when (ex.SqlState == "42P01")
        {
            return 0; // not migrated yet
        }
    }
}
