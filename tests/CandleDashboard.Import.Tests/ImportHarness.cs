using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CandleDashboard.Core.Building;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Postgres;
using CandleDashboard.Web.Operations.Import;
using Npgsql;

namespace CandleDashboard.Import.Tests;

public sealed record ImportRun(int ExitCode, string Output, string Error);

/// <summary>Runs the import command, reads what it stored, and computes what it should have stored.</summary>
public static class ImportHarness
{
    public static string BinanceSlice => SharedData.PathOf("binance", "BTCUSDT-trades-2021-01-01-slice.csv");

    /// <summary>The command in this process, output captured (plain lines, as when redirected).</summary>
    public static async Task<ImportRun> RunAsync(string connectionString, params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await ImportCommand.RunAsync([.. args, $"--ConnectionStrings:Postgres={connectionString}"], output, error, interactive: false);
        return new ImportRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>The built app (src/CandleDashboard.Web/bin/&lt;configuration&gt;/net10.0) as a child process running <c>import</c>.</summary>
    public static Process StartChild(string connectionString, params string[] args)
    {
        var app = AppDirectory();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(app, "CandleDashboard.Web.dll"));
        info.ArgumentList.Add("import");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.ArgumentList.Add($"--ConnectionStrings:Postgres={connectionString}");
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task<IReadOnlyList<Candle>> CandlesAsync(string connectionString, string exchange, string symbol, Interval interval)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var store = new PostgresCandleStore(dataSource, new PostgresOptions { ConnectionString = connectionString });
        return await store.GetRangeAsync(new SeriesKey(exchange, symbol, interval), long.MinValue, long.MaxValue, CancellationToken.None);
    }

    /// <summary>Every candles row as text (numerics in PostgreSQL's own text form, so the scale counts too).</summary>
    public static async Task<IReadOnlyList<string>> RowsAsync(string connectionString, bool withTimestamps = false)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var timestamps = withTimestamps ? ", inserted_at::text, updated_at::text" : "";
        await using var command = new NpgsqlCommand($"""
            SELECT concat_ws('|', exchange, symbol, "interval", open_time, open, high, low, close, volume, quote_volume,
                             trade_count, is_closed, source{timestamps})
            FROM candles ORDER BY exchange, symbol, "interval", open_time
            """, connection);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    public static async Task<T?> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>Binance trade lines parsed the plain way (string.Split, decimal.Parse), independent of the importer's parser.</summary>
    public static IReadOnlyList<Trade> ParseBinance(IEnumerable<string> lines, string symbol = "BTCUSDT") =>
        lines.Where(l => l.Length > 0).Select(l =>
        {
            var f = l.Split(',');
            return new Trade(symbol, long.Parse(f[0], CultureInfo.InvariantCulture), decimal.Parse(f[1], CultureInfo.InvariantCulture),
                decimal.Parse(f[2], CultureInfo.InvariantCulture), long.Parse(f[4], CultureInfo.InvariantCulture), bool.Parse(f[5]));
        }).ToArray();

    /// <summary>
    /// What the live path builds from <paramref name="trades"/>: every candle the builder closes, then each interval's
    /// forming candle (the import writes that one closed, as the run's last bucket), all marked official.
    /// </summary>
    public static Dictionary<Interval, List<Candle>> Build(IEnumerable<Trade> trades, string symbol = "BTCUSDT")
    {
        var builder = new LiveCandleBuilder(symbol, Interval.Defaults, TimeProvider.System);
        var result = Interval.Defaults.ToDictionary(i => i, _ => new List<Candle>());
        builder.CandleClosed += (interval, candle) => result[interval].Add(candle with { Source = CandleSource.OfficialFromTrades });
        foreach (var trade in trades)
        {
            builder.Apply(trade);
        }

        foreach (var interval in Interval.Defaults)
        {
            if (builder.TryGetForming(interval, out var forming))
            {
                result[interval].Add(forming with { IsClosed = true, Source = CandleSource.OfficialFromTrades });
            }
        }

        return result;
    }

    /// <summary>Kraken's REST trades as the <c>timestamp,price,volume</c> CSV Kraken publishes (the time's JSON text kept as is).</summary>
    public static string KrakenCsv(out IReadOnlyList<Trade> trades)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("kraken", "XBTUSDT-trades.json")));
        var csv = new StringBuilder();
        var parsed = new List<Trade>();
        var line = 0;
        foreach (var row in document.RootElement.GetProperty("result").GetProperty("XBTUSDT").EnumerateArray())
        {
            var price = row[0].GetString()!;
            var volume = row[1].GetString()!;
            var time = row[2].GetRawText();
            csv.Append(time).Append(',').Append(price).Append(',').Append(volume).Append('\n');
            var seconds = decimal.Parse(time, CultureInfo.InvariantCulture);
            parsed.Add(new Trade("XBTUSDT", ++line, decimal.Parse(price, CultureInfo.InvariantCulture), decimal.Parse(volume, CultureInfo.InvariantCulture),
                (long)decimal.Floor(seconds * 1000m)));
        }

        trades = parsed;
        return csv.ToString();
    }

    public static string TempFile(string name, string content)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cd-import-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string AppDirectory()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory); // tests/CandleDashboard.Import.Tests/bin/<config>/net10.0/
        var framework = tests.Name;
        var configuration = tests.Parent!.Name;
        var root = tests.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var app = Path.Combine(root, "src", "CandleDashboard.Web", "bin", configuration, framework);
        return File.Exists(Path.Combine(app, "CandleDashboard.Web.dll"))
            ? app
            : throw new FileNotFoundException($"Build the app first: {app}/CandleDashboard.Web.dll is missing.");
    }
}
