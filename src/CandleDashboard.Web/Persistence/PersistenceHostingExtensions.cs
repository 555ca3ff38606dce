using CandleDashboard.Core.Buffers;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Fetching;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Storage;
using CandleDashboard.Core.Storage.InMemory;
using CandleDashboard.Storage.Postgres;
using CandleDashboard.Storage.Redis;
using CandleDashboard.Web.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Persistence;

public static class PersistenceHostingExtensions
{
    /// <summary>
    /// Stores, tiered history, startup buffers, the official-kline fetcher and the live candle key.
    /// <c>ConnectionStrings:Redis</c> and <c>ConnectionStrings:Postgres</c> switch the real stores on;
    /// with neither, everything runs in memory (the zero-config default).
    /// </summary>
    public static WebApplicationBuilder AddCandlePersistence(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<PersistenceOptions>().Bind(configuration.GetSection(PersistenceOptions.SectionName));
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
            services.AddHostedService<LiveCandlePersister>();
        }

        if (!string.IsNullOrWhiteSpace(postgres))
        {
            services.AddPostgresStorage(postgres);
        }

        services.TryAddSingleton<IDataUpdatedBus, InMemoryDataUpdatedBus>();
        services.AddSingleton(sp => BuildTiers(sp, redis, postgres));

        services.AddSingleton(sp => new ExchangeCandleHistory(sp.GetRequiredService<IKlineSource>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new TieredCandleHistory(
            sp.GetRequiredService<CandleTiers>().ReadOrder,
            sp.GetRequiredService<ExchangeCandleHistory>(),
            sp.GetRequiredService<TimeProvider>(),
            new TieredHistoryOptions { Exchange = sp.GetRequiredService<CandleTiers>().Exchange, MaxServedLag = persistence.MaxServedLag },
            sp.GetService<ILogger<TieredCandleHistory>>()));
        services.Replace(ServiceDescriptor.Singleton<ICandleHistory>(sp => sp.GetRequiredService<TieredCandleHistory>()));

        services.AddSingleton(sp =>
        {
            var dashboard = sp.GetRequiredService<IOptions<DashboardOptions>>().Value;
            return new CandleBufferSet(
                dashboard.EffectiveSymbols,
                dashboard.EffectiveIntervals,
                persistence.BufferCandles,
                sp.GetRequiredService<TieredCandleHistory>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILogger<CandleBufferSet>>());
        });
        services.AddSingleton(sp =>
        {
            var dashboard = sp.GetRequiredService<IOptions<DashboardOptions>>().Value;
            var tiers = sp.GetRequiredService<CandleTiers>();
            return new OfficialKlineFetcher(
                sp.GetRequiredService<IKlineSource>(),
                tiers.CommitOrder,
                sp.GetRequiredService<IDataUpdatedBus>(),
                new FetcherOptions
                {
                    Exchange = tiers.Exchange,
                    Symbols = dashboard.EffectiveSymbols,
                    Intervals = dashboard.EffectiveIntervals,
                    InitialCandles = persistence.InitialCandles,
                    CloseGrace = persistence.FetchGrace,
                },
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILogger<OfficialKlineFetcher>>());
        });

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

    /// <summary>Lower-case exchange name for series keys: simulated candles never mix with real ones in shared stores.</summary>
    public static string ExchangeNameOf(IConfiguration configuration) =>
        (configuration.GetSection(ExchangeOptions.SectionName).Get<ExchangeOptions>()?.Mode ?? ExchangeMode.Simulator) == ExchangeMode.Binance
            ? "binance"
            : "simulator";

    private static CandleTiers BuildTiers(IServiceProvider sp, string? redis, string? postgres)
    {
        var exchange = ExchangeNameOf(sp.GetRequiredService<IConfiguration>());
        var redisStore = string.IsNullOrWhiteSpace(redis) ? null : sp.GetServices<ICandleStore>().OfType<RedisCandleStore>().Single();
        ICandleStore? postgresStore = string.IsNullOrWhiteSpace(postgres) ? null : sp.GetRequiredService<DurableCandleWriter>();
        ICandleStore[] read = [.. new[] { redisStore, postgresStore }.OfType<ICandleStore>()];
        ICandleStore[] commit = [.. new[] { postgresStore, redisStore }.OfType<ICandleStore>()];
        if (read.Length == 0)
        {
            var memory = new InMemoryCandleStore();
            return new CandleTiers(exchange, [memory], [memory]);
        }

        return new CandleTiers(exchange, read, commit);
    }
}
