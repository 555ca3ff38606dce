using CandleDashboard.Storage.Postgres.Schema;
using CandleDashboard.Storage.Postgres.Startup;
using CandleDashboard.Storage.Redis;

namespace CandleDashboard.Web.Persistence;

/// <summary>
/// Before the host starts: checks every configured store and applies PostgreSQL migrations.
/// A configured but unreachable store stops the app with a one-line reason (which server, which
/// setting). Decision: refusing to start beats a degraded mode that silently loses official candles.
/// Runs before the host starts (not as a hosted service), so the failure is that one line and not
/// the host's "hosting failed" stack trace.
/// </summary>
internal sealed class StorageStartup(IServiceProvider services, ILogger<StorageStartup> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (services.GetService<RedisConnectionChecker>() is { } redis)
        {
            var check = await redis.CheckAsync(cancellationToken);
            if (!check.IsReachable)
            {
                problems.Add(check.Error ?? $"Redis at {check.Servers} is unreachable; check ConnectionStrings:Redis.");
            }
        }

        if (services.GetService<PostgresStartupCheck>() is { } postgres)
        {
            var check = await postgres.CheckAsync(cancellationToken);
            if (!check.IsAvailable)
            {
                problems.Add(check.Error ?? "PostgreSQL is unreachable; check ConnectionStrings:Postgres.");
            }
            else
            {
                var migrated = await services.GetRequiredService<PostgresMigrator>().MigrateAsync(cancellationToken);
                logger.LogInformation("PostgreSQL schema at version {Version} (hypertable: {Hypertable})", migrated.CurrentVersion, migrated.IsHypertable);
            }
        }

        if (problems.Count > 0)
        {
            throw new StorageUnavailableException(string.Join(" ", problems));
        }

        logger.LogInformation("Candle stores: {Tiers}", services.GetRequiredService<CandleTiers>().Describe());
    }
}
