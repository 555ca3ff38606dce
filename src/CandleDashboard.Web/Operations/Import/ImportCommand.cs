using System.Globalization;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Postgres;
using CandleDashboard.Storage.Postgres.Schema;
using CandleDashboard.Storage.Redis;
using CandleDashboard.Web.Options;
using CandleDashboard.Web.Persistence;
using Npgsql;

namespace CandleDashboard.Web.Operations.Import;

/// <summary>
/// <c>import</c>: bulk import of published trade files into PostgreSQL (and the newest candles into Redis when it
/// is configured), with the app's own configuration (appsettings.json, environment, <c>--Section:Key=value</c>).
/// Exit codes: 0 imported (malformed lines are reported, not fatal), 1 the import failed midway (what was committed
/// stays; run it again to resume), 2 nothing done (bad arguments, no PostgreSQL configured or reachable, a missing file).
/// </summary>
public static class ImportCommand
{
    public const string Name = "import";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, bool interactive, CancellationToken cancellationToken = default)
    {
        if (args is ["--help"] or ["-h"])
        {
            await output.WriteLineAsync(ImportRequest.Usage);
            return 0;
        }

        if (!ImportRequest.TryParse(args, out var request, out var problem))
        {
            await error.WriteLineAsync($"import: {problem}");
            await error.WriteLineAsync(ImportRequest.Usage);
            return 2;
        }

        var configuration = LoadConfiguration(request.ConfigurationArgs);
        var postgres = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(postgres))
        {
            await error.WriteLineAsync($"import: PostgreSQL is not configured: set {PostgresOptions.ConnectionStringSetting} (appsettings, environment ConnectionStrings__Postgres, or --ConnectionStrings:Postgres=...). There is no default.");
            return 2;
        }

        IReadOnlyList<Interval> intervals;
        PersistenceOptions persistence;
        try
        {
            intervals = (configuration.GetSection(DashboardOptions.SectionName).Get<DashboardOptions>() ?? new DashboardOptions()).EffectiveIntervals;
            persistence = configuration.GetSection(PersistenceOptions.SectionName).Get<PersistenceOptions>() ?? new PersistenceOptions();
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            await error.WriteLineAsync($"import: bad configuration: {ex.Message}");
            return 2;
        }

        var missing = request.Files.FirstOrDefault(f => !File.Exists(f));
        if (missing is not null)
        {
            await error.WriteLineAsync($"import: no such file: {missing}");
            return 2;
        }

        NpgsqlDataSource dataSource;
        try
        {
            dataSource = NpgsqlDataSource.Create(postgres);
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync($"import: {PostgresOptions.ConnectionStringSetting} is not a valid PostgreSQL connection string: {ex.Message}");
            return 2;
        }

        await using (dataSource)
        {
            try
            {
                await new PostgresMigrator(dataSource, new PostgresOptions { ConnectionString = postgres }).MigrateAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                var where = new NpgsqlConnectionStringBuilder(postgres);
                await error.WriteLineAsync($"import: PostgreSQL at {where.Host}:{where.Port} ({PostgresOptions.ConnectionStringSetting}) cannot be used: {ex.Message}");
                return 2;
            }

            var settings = new ImportSettings
            {
                Exchange = request.Exchange,
                Symbol = request.Symbol,
                Format = request.Format,
                Intervals = intervals,
                CommitEveryLines = request.CommitEveryLines,
                Restart = request.Restart,
                PauseAfterCommit = request.PauseAfterCommit,
            };
            var writer = new CandleImportWriter(dataSource);
            await using var importLock = await writer.TryLockAsync(settings.Exchange, settings.Symbol, cancellationToken);
            if (importLock is null)
            {
                await error.WriteLineAsync($"import: another import of {settings.Exchange} {settings.Symbol} is running against this database; wait for it (or stop it) and run this again.");
                return 2;
            }

            var importer = new TradeFileImporter(writer, settings);
            var console = new ImportConsole(output, interactive);
            ImportSummary summary;
            try
            {
                summary = await console.RunAsync(p => importer.RunAsync(request.Files, p, cancellationToken));
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidDataException or OperationCanceledException)
            {
                await error.WriteLineAsync($"import stopped: {ex.Message}. What was committed stays; run the same command again to resume.");
                return 1;
            }

            var redis = configuration.GetConnectionString("Redis");
            if (!string.IsNullOrWhiteSpace(redis))
            {
                try
                {
                    summary.RedisCandles = await CopyNewestToRedisAsync(dataSource, redis, settings, persistence.RedisMaxCandlesPerSeries, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    await error.WriteLineAsync($"import: PostgreSQL has the candles, but copying the newest into Redis failed: {ex.Message}");
                    console.WriteSummary(summary, settings);
                    return 1;
                }
            }

            console.WriteSummary(summary, settings);
            return 0;
        }
    }

    /// <summary>
    /// The app's configuration sources, in the app's order: appsettings.json and appsettings.{environment}.json next to the
    /// app, environment variables, then the command line's <c>--Section:Key=value</c>.
    /// </summary>
    private static IConfiguration LoadConfiguration(IReadOnlyList<string> configurationArgs)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. configurationArgs])
            .Build();
    }

    /// <summary>
    /// The newest candles of each imported series, read back from PostgreSQL and written through the app's own Redis
    /// store (same keys, same trimming), as the fetcher commits PostgreSQL then Redis.
    /// </summary>
    private static async Task<long> CopyNewestToRedisAsync(NpgsqlDataSource dataSource, string redis, ImportSettings settings, int count, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection().AddRedisStorage(redis, o => o.MaxCandlesPerSeries = count).BuildServiceProvider();
        await using var _ = services;
        var redisStore = services.GetRequiredService<RedisCandleStore>();
        var postgresStore = new PostgresCandleStore(dataSource, new PostgresOptions { ConnectionString = "Host=unused" });
        long copied = 0;
        foreach (var interval in settings.Intervals)
        {
            var series = new SeriesKey(settings.Exchange, settings.Symbol, interval);
            var newest = await postgresStore.GetRecentAsync(series, count, cancellationToken);
            await redisStore.UpsertAsync(series, newest, cancellationToken);
            copied += newest.Count;
        }

        return copied;
    }

    internal static string Time(long? epochMs) => epochMs is { } t
        ? DateTimeOffset.FromUnixTimeMilliseconds(t).ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
        : "-";
}
