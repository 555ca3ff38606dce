using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.Buffers;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Fetching;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Storage;
using CandleDashboard.Core.Storage.InMemory;
using CandleDashboard.Storage.Postgres;
using CandleDashboard.Storage.Redis;
using CandleDashboard.Web.Options;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Persistence;

public static class PersistenceHostingExtensions
{
    /// <summary>
    /// Stores, tiered history, startup buffers, the official-kline fetcher and the live candle key.
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
            services.AddRedisScaleOut(redis);
        }
        else
        {
            // One instance: data_updated stays in the process.
            services.AddSingleton<IDataUpdatedBus, InMemoryDataUpdatedBus>();
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
                    sp.GetRequiredService<ILogger<RetentionWorker>>()));
            }
        }

        services.AddKeyRing(configuration, redis);

        services.AddSingleton(sp => BuildTiers(sp, redis, postgres));
        services.AddSingleton<ICandleHistory>(sp => new TieredCandleHistory(
            sp.GetRequiredService<CandleTiers>().ReadOrder,
            new ExchangeCandleHistory(sp.GetRequiredService<IExchange>().Klines, sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<TimeProvider>(),
            new TieredHistoryOptions { Exchange = sp.GetRequiredService<IExchange>().Name, MaxServedLag = persistence.MaxServedLag },
            sp.GetService<ILogger<TieredCandleHistory>>()));

        // Live vs official (issue 10 point 6): one log per series for the whole server, written by
        // the buffers (the one place that sees every closed live candle and every official one, for
        // every series, whether or not a chart is open), read through ILiveDeltaSource by the
        // chart, the API, the admin page and the metrics.
        services.AddSingleton(sp =>
        {
            var dashboard = sp.GetRequiredService<IOptions<DashboardOptions>>().Value;
            return new LiveDeltaLogSet(dashboard.EffectiveSymbols, dashboard.EffectiveIntervals);
        });
        services.AddSingleton<ILiveDeltaSource>(sp => sp.GetRequiredService<LiveDeltaLogSet>());
        services.AddSingleton(sp =>
        {
            var dashboard = sp.GetRequiredService<IOptions<DashboardOptions>>().Value;
            return new CandleBufferSet(
                dashboard.EffectiveSymbols,
                dashboard.EffectiveIntervals,
                persistence.BufferCandles,
                sp.GetRequiredService<ICandleHistory>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILogger<CandleBufferSet>>(),
                sp.GetRequiredService<LiveDeltaLogSet>());
        });
        services.AddSingleton(sp =>
        {
            var dashboard = sp.GetRequiredService<IOptions<DashboardOptions>>().Value;
            return new FetcherOptions
            {
                Exchange = sp.GetRequiredService<IExchange>().Name,
                Symbols = dashboard.EffectiveSymbols,
                Intervals = dashboard.EffectiveIntervals,
                InitialCandles = persistence.InitialCandles,
                CloseGrace = persistence.FetchGrace,
                MaxBackfillCandles = persistence.BackfillHorizonCandles,
                // Never wider than Redis keeps, or it would copy back what Redis just trimmed.
                ReconcileWindowCandles = Math.Min(persistence.ReconcileWindowCandles, persistence.RedisMaxCandlesPerSeries),
                ReconcileEvery = persistence.ReconcileEvery,
            };
        });
        services.AddSingleton(sp => new OfficialKlineFetcher(
            sp.GetRequiredService<IExchange>().Klines,
            sp.GetRequiredService<CandleTiers>().CommitOrder,
            sp.GetRequiredService<IDataUpdatedBus>(),
            sp.GetRequiredService<FetcherOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<OfficialKlineFetcher>>()));
        services.AddSingleton(sp => new StoreReconciler(
            sp.GetRequiredService<IExchange>().Klines,
            sp.GetRequiredService<CandleTiers>().CommitOrder,
            sp.GetRequiredService<IDataUpdatedBus>(),
            sp.GetRequiredService<FetcherOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<StoreReconciler>>()));

        services.AddSingleton<StorageStartup>();
        services.AddHostedService<CandleBufferWorker>();
        if (persistence.FetchOfficialKlines)
        {
            services.AddHostedService<OfficialKlineWorker>();
        }

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
        ICandleStore[] read = [.. new[] { redisStore, postgresStore }.OfType<ICandleStore>()];
        ICandleStore[] commit = [.. new[] { postgresStore, redisStore }.OfType<ICandleStore>()];
        if (read.Length == 0)
        {
            var memory = new InMemoryCandleStore();
            return new CandleTiers([memory], [memory]);
        }

        return new CandleTiers(read, commit);
    }
}
