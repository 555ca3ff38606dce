using CandleDashboard.Core.Coordination;
using CandleDashboard.Core.Storage;
using CandleDashboard.Core.Storage.InMemory;
using CandleDashboard.Storage.Postgres;
using CandleDashboard.Storage.Redis;
using CandleDashboard.Web.Options;
using CandleDashboard.Web.ScaleOut;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Persistence;

public static class PersistenceHostingExtensions
{
    /// <summary>
    /// The stores every venue shares (<see cref="CandleTiers"/>), the data_updated bus, the live candle key
    /// and retention; each venue's history, buffers and fetcher over them are built by <see cref="Venues.VenueFactory"/>.
    /// <c>ConnectionStrings:Redis</c> and <c>ConnectionStrings:Postgres</c> switch the real stores on;
    /// with neither, everything runs in memory (the zero-config default). Each service is registered
    /// once, by this method, whatever else is configured.
    /// </summary>
    public static WebApplicationBuilder AddCandlePersistence(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<PersistenceOptions>().Bind(configuration.GetSection(PersistenceOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PersistenceOptions>, PersistenceOptionsValidator>();
        var persistence = configuration.GetSection(PersistenceOptions.SectionName).Get<PersistenceOptions>() ?? new PersistenceOptions();

        var redis = configuration.GetConnectionString("Redis");
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(redis))
        {
            services.AddRedisStorage(redis, o =>
            {
                o.MaxCandlesPerSeries = persistence.RedisMaxCandlesPerSeries;
                o.LiveCandleTimeToLive = persistence.LiveCandleTimeToLive;
            });
            services.AddSingleton<LiveCandleResumer>();
            services.AddHostedService<LiveCandlePersister>();
            services.AddRedisScaleOut(redis, configuration);
        }
        else
        {
            // One instance: data_updated stays in the process, and it leads every venue.
            services.AddSingleton<IDataUpdatedBus, InMemoryDataUpdatedBus>();
            services.AddSingleton<ILeaseProvider, InProcessLeaseProvider>();
        }

        // Retention (issue 11 point 6), PostgreSQL only: the status exists either way (empty without it) so
        // the admin page can say "none".
        // Rules come from the validated options (ValidateOnStart fails startup before any run).
        services.AddSingleton(sp => new RetentionStatus(string.IsNullOrWhiteSpace(postgres) ? [] : RetentionRules(sp)));
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            services.AddPostgresStorage(postgres);
            if (persistence.Retention.Count > 0)
            {
                services.AddHostedService(sp => new RetentionWorker(
                    sp.GetRequiredService<PostgresCandleStore>(),
                    RetentionRules(sp),
                    sp.GetRequiredService<RetentionStatus>(),
                    sp.GetRequiredService<IOptions<PersistenceOptions>>().Value,
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<RetentionWorker>>(),
                    sp.GetRequiredService<Venues.VenueDirectory>().Default.Leadership));
            }
        }

        services.AddKeyRing(configuration, redis);

        services.AddSingleton(sp => BuildTiers(sp, redis, postgres));
        services.AddSingleton<StorageStartup>();
        return builder;
    }

    /// <summary>
    /// Checks the configured stores and migrates PostgreSQL; call after Build, before the host starts.
    /// </summary>
    /// <exception cref="StorageUnavailableException">A configured store cannot be used; the message names it and its setting.</exception>
    public static Task InitializeCandlePersistenceAsync(this WebApplication app, CancellationToken cancellationToken = default) =>
        app.Services.GetRequiredService<StorageStartup>().InitializeAsync(cancellationToken);

    private static IReadOnlyList<RetentionRule> RetentionRules(IServiceProvider sp) =>
        RetentionRule.From(sp.GetRequiredService<IOptions<PersistenceOptions>>().Value);

    private static CandleTiers BuildTiers(IServiceProvider sp, string? redis, string? postgres)
    {
        ICandleStore? redisStore = string.IsNullOrWhiteSpace(redis) ? null : sp.GetRequiredService<RedisCandleStore>();
        ICandleStore? postgresStore = string.IsNullOrWhiteSpace(postgres) ? null : sp.GetRequiredService<DurableCandleWriter>();
        // Last before the exchange, PostgreSQL's rollup of its 1m rows answers a coarser range its own rows
        // lack (deep scroll-back over imported history, beyond the exchange's reach); read only.
        ICandleStore? rollup = string.IsNullOrWhiteSpace(postgres) ? null : new PostgresRollupTier(sp.GetRequiredService<PostgresCandleStore>());
        ICandleStore[] read = [.. new[] { redisStore, postgresStore, rollup }.OfType<ICandleStore>()];
        ICandleStore[] commit = [.. new[] { postgresStore, redisStore }.OfType<ICandleStore>()];
        if (read.Length == 0)
        {
            var memory = new InMemoryCandleStore();
            return new CandleTiers([memory], [memory]);
        }

        return new CandleTiers(read, commit);
    }
}
