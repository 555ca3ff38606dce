using System.Diagnostics;
using System.Globalization;
using System.Text;
using CandleDashboard.Tests.Shared.Servers;
using CandleDashboard.Web.Operations.Import;

namespace CandleDashboard.Benchmarks.Import;

/// <summary>
/// The bulk import end to end (docs/benchmarks.md, "Bulk import"): generates a Binance trade dump of N trades
/// (a random walk around 42,000 USDT, about 25 trades a second from 2024-01-01, so several days and every
/// default interval), starts a throwaway PostgreSQL, and runs the real <c>import</c> command on the file
/// (read, parse, build every interval, binary COPY + upsert, commits every 1,000,000 lines), reporting trades/s.
/// </summary>
public static class BulkImportHarness
{
    public static async Task<int> RunAsync(int trades, int runs)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cd-bench-BTCUSDT-trades-{trades}.csv");
        if (!File.Exists(file) || new FileInfo(file).Length == 0)
        {
            var generate = Stopwatch.StartNew();
            Generate(file, trades);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generated {trades:N0} trades ({new FileInfo(file).Length / 1e6:0} MB) in {generate.Elapsed.TotalSeconds:0.0} s: {file}"));
        }

        await using var server = await PostgresServer.StartNewAsync();
        var rates = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var database = await CreateDatabaseAsync(server, $"bench{run}");
            var output = new StringWriter(CultureInfo.InvariantCulture);
            var error = new StringWriter(CultureInfo.InvariantCulture);
            var watch = Stopwatch.StartNew();
            var exit = await ImportCommand.RunAsync(
                ["--exchange", "binance", "--symbol", "BTCUSDT", file, $"--ConnectionStrings:Postgres={database}"], output, error, interactive: false);
            watch.Stop();
            if (exit != 0)
            {
                Console.Error.WriteLine(error.ToString());
                return exit;
            }

            var rate = trades / watch.Elapsed.TotalSeconds;
            rates.Add(rate);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run} (in process): {trades:N0} trades in {watch.Elapsed.TotalSeconds:0.00} s = {rate:N0} trades/s (command end to end, migration included)"));
            Console.WriteLine(output.ToString().TrimEnd());
        }

        // The same command as an operator runs it: a new process (start-up and JIT included), the built app.
        var processRates = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var database = await CreateDatabaseAsync(server, $"benchp{run}");
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[] { BuiltWebApp(), "import", "--exchange", "binance", "--symbol", "BTCUSDT", file, $"--ConnectionStrings:Postgres={database}" })
            {
                info.ArgumentList.Add(arg);
            }

            var watch = Stopwatch.StartNew();
            using var process = Process.Start(info)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            watch.Stop();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine(text);
                return process.ExitCode;
            }

            var rate = trades / watch.Elapsed.TotalSeconds;
            processRates.Add(rate);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run} (dotnet CandleDashboard.Web.dll import): {trades:N0} trades in {watch.Elapsed.TotalSeconds:0.00} s = {rate:N0} trades/s (process start to exit)"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bulk import in process:   {rates.Min():N0} to {rates.Max():N0} trades/s over {runs} runs of {trades:N0} trades ({Environment.ProcessorCount} cores)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bulk import as a process: {processRates.Min():N0} to {processRates.Max():N0} trades/s over {runs} runs of {trades:N0} trades"));
        return 0;
    }

    private static string BuiltWebApp()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CandleDashboard.sln")))
        {
            directory = directory.Parent;
        }

        var dll = Path.Combine(directory?.FullName ?? ".", "src", "CandleDashboard.Web", "bin", "Release", "net10.0", "CandleDashboard.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the app first: dotnet build -c Release", dll);
    }

    private static void Generate(string path, int count)
    {
        var random = new Random(20240101);
        var time = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var cents = 4_200_000L; // 42,000.00 USDT
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        var line = new StringBuilder(96);
        for (var i = 0; i < count; i++)
        {
            time += random.Next(0, 80);
            cents = Math.Max(100, cents + random.Next(-3, 4));
            var qty = random.Next(1, 2_000_000); // 0.00000001 to 0.02 BTC
            var price = cents / 100m;
            var quantity = qty / 100_000_000m;
            line.Clear()
                .Append(CultureInfo.InvariantCulture, $"{1_000_000_000L + i},{price:0.00000000},{quantity:0.00000000},{price * quantity:0.00000000},{time},")
                .Append(random.Next(2) == 0 ? "True" : "False").Append(",True\n");
            writer.Write(line);
        }
    }

    private static async Task<string> CreateDatabaseAsync(PostgresServer server, string name)
    {
        await using var connection = new Npgsql.NpgsqlConnection(server.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return server.ConnectionStringFor(name);
    }
}
