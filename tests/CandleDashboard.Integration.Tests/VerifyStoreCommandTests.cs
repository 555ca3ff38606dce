using CandleDashboard.Core.Fetching;
using CandleDashboard.Tests.Shared;
using CandleDashboard.Web.Operations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Integration.Tests;

/// <summary>The operator's <c>verify-store</c> command against real stores and the simulator.</summary>
[Collection(StoresCollection.Name)]
public sealed class VerifyStoreCommandTests(StoresFixture stores)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Clean_stores_exit_0_and_a_hole_and_a_wrong_candle_in_postgres_exit_1_naming_both()
    {
        var postgres = await stores.FreshStoresAsync();
        long hole, wrong;
        await using (var app = await AppInstance.StartAsync(stores.AppArgs(postgres)))
        {
            var fetcher = app.Services.GetRequiredService<VenueDirectory>().Default.Fetcher;
            await Eventually.ReachesAsync(() => fetcher.Status, s => s.LastRunAt is not null && s.TotalCandles > 0, Patience, "a first fetch");
        }

        string[] args = ["--symbol", "BTCUSDT", "--interval", "1m", .. stores.AppArgs(postgres, "--Persistence:FetchOfficialKlines=false")];
        var (clean, cleanOutput, _) = await RunAsync(args);
        Assert.True(clean == 0, cleanOutput);
        // 100 to 121 candles: the fetcher's first run (120) or the buffers' write-back (100) came first.
        Assert.Matches(@"BTCUSDT 1m postgres: 1[0-2]\d checked, 0 holes, 0 duplicates, 0 mismatches", cleanOutput);
        Assert.Matches(@"BTCUSDT 1m redis: 1[0-2]\d checked, 0 holes, 0 duplicates, 0 mismatches", cleanOutput);

        await using (var connection = new NpgsqlConnection(postgres + ";Pooling=false"))
        {
            await connection.OpenAsync();
            await using var newest = new NpgsqlCommand("SELECT max(open_time) FROM candles WHERE symbol = 'BTCUSDT' AND \"interval\" = '1m'", connection);
            var last = (long)(await newest.ExecuteScalarAsync())!;
            (hole, wrong) = (last - (10 * 60_000), last - (20 * 60_000));
            await using var damage = new NpgsqlCommand(
                $"DELETE FROM candles WHERE symbol = 'BTCUSDT' AND \"interval\" = '1m' AND open_time = {hole}; " +
                $"UPDATE candles SET close = close + 1 WHERE symbol = 'BTCUSDT' AND \"interval\" = '1m' AND open_time = {wrong};",
                connection);
            await damage.ExecuteNonQueryAsync();
        }

        var (damaged, output, _) = await RunAsync(args);

        Assert.True(damaged == 1, output);
        Assert.Matches(@"BTCUSDT 1m postgres: 1[0-2]\d checked, 1 holes, 0 duplicates, 1 mismatches", output);
        Assert.Contains($"  hole      {Iso(hole)}", output);
        Assert.Contains($"  mismatch  {Iso(wrong)}", output);
        Assert.Matches(@"BTCUSDT 1m redis: 1[0-2]\d checked, 0 holes, 0 duplicates, 0 mismatches", output);
        Assert.EndsWith("1 series checked in 2 store(s): 1 holes, 0 duplicates, 1 mismatches, 0 unreadable" + Environment.NewLine, output);
    }

    [Fact]
    public async Task Bad_arguments_exit_2_with_a_message()
    {
        var (code, _, error) = await RunAsync(["--interval", "7x"]);

        Assert.Equal(2, code);
        Assert.Contains("--interval '7x' is not valid", error);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await VerifyStoreCommand.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string Iso(long openTime) => DateTimeOffset.FromUnixTimeMilliseconds(openTime).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
