using CandleDashboard.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CandleDashboard.Storage.Redis;

public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Redis stores and bus on one shared connection: <see cref="RedisCandleStore"/>
    /// (not as <see cref="ICandleStore"/>: the host chooses the tier order),
    /// <see cref="RedisLiveCandleStore"/> as the <see cref="ILiveCandleStore"/>,
    /// <see cref="RedisDataUpdatedBus"/> as the <see cref="IDataUpdatedBus"/>,
    /// <see cref="ThrottledLiveCandleWriter"/>, and <see cref="RedisConnectionChecker"/> for the host's
    /// start-up decision. The host registers no other live store or bus when it calls this.
    /// The connection is opened on first use, with abortConnect=false.
    /// </summary>
    /// <param name="connectionString">Usually <c>configuration.GetConnectionString("Redis")</c>.</param>
    public static IServiceCollection AddRedisStorage(this IServiceCollection services, string connectionString, Action<RedisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new RedisOptions { ConnectionString = connectionString };
        configure?.Invoke(options);
        options.Validate();

        services.AddSingleton(options);
        // Sync wait once, on first resolve; abortConnect=false bounds it by the connect timeout.
        // Task.Run: the library's continuations must not need a caller's synchronization context we are blocking.
        services.AddSingleton<IConnectionMultiplexer>(_ => Task.Run(() => RedisConnector.ConnectAsync(options.ConnectionString)).GetAwaiter().GetResult());
        services.AddSingleton(sp => new RedisCandleStore(sp.GetRequiredService<IConnectionMultiplexer>(), options.MaxCandlesPerSeries));
        services.AddSingleton<ILiveCandleStore>(sp => new RedisLiveCandleStore(sp.GetRequiredService<IConnectionMultiplexer>(), options.LiveCandleTimeToLive));
        services.AddSingleton(sp => new RedisDataUpdatedBus(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetService<ILogger<RedisDataUpdatedBus>>()));
        services.AddSingleton<IDataUpdatedBus>(sp => sp.GetRequiredService<RedisDataUpdatedBus>());
        services.AddSingleton(sp => new ThrottledLiveCandleWriter(
            sp.GetRequiredService<ILiveCandleStore>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            options.LiveCandleWriteInterval,
            sp.GetService<ILogger<ThrottledLiveCandleWriter>>()));
        services.AddSingleton(sp => new RedisConnectionChecker(sp.GetRequiredService<IConnectionMultiplexer>()));
        return services;
    }
}
