using CandleDashboard.Core.Coordination;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Storage.Redis;
using Microsoft.Extensions.Options;
using CandleDashboard.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;
using HubRedisOptions = Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions;

namespace CandleDashboard.Web.ScaleOut;

public static class ScaleOutHostingExtensions
{
    /// <summary>
    /// Several app instances on one Redis behave as one: one instance per exchange, elected by a lease in Redis,
    /// holds the exchange's connection and runs its fetcher (<see cref="LeadershipWorker"/>); the live candles it
    /// builds reach every other instance over Redis pub/sub (<see cref="RedisLiveCandleRelay"/>); and what one
    /// instance sends through the public hub reaches clients connected to any instance (SignalR's Redis
    /// backplane). The shared key ring is <see cref="Persistence.KeyRingHostingExtensions"/>'s. Called only when
    /// <c>ConnectionStrings:Redis</c> is set; without it the app leads every venue alone and keeps SignalR's
    /// in-process hub.
    /// </summary>
    public static IServiceCollection AddRedisScaleOut(this IServiceCollection services, string redisConnectionString, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ScaleOutOptions>().Bind(configuration.GetSection(ScaleOutOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScaleOutOptions>, ScaleOutOptionsValidator>();
        services.AddSingleton<ILeaseProvider>(sp => new RedisLeaseProvider(
            sp.GetRequiredService<IConnectionMultiplexer>(),
            sp.GetRequiredService<IOptions<ScaleOutOptions>>().Value.LeaseDuration));
        services.AddSingleton(sp => new RedisLiveCandleRelay(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetService<ILogger<RedisLiveCandleRelay>>()));
        services.AddSingleton<ILiveCandleRelay>(sp => sp.GetRequiredService<RedisLiveCandleRelay>());
        AddHubBackplane(services, redisConnectionString);
        return services;
    }

    /// <remarks>
    /// Registered for the public hub only, not for every hub as <c>AddStackExchangeRedis</c> would:
    /// a Blazor circuit lives on one instance by design, so its hub gains nothing from a backplane
    /// and would only subscribe a Redis channel for every circuit.
    /// The backplane opens its own connection from the same connection string, not the app's shared
    /// one: a channel prefix is a property of a connection (a prefix set on the shared one would
    /// rename <c>data_updated</c> too), and the lifetime manager unsubscribes everything and disposes
    /// the connection it was given when the host shuts down.
    /// </remarks>
    private static void AddHubBackplane(IServiceCollection services, string redisConnectionString)
    {
        // Parsed now: a string the client cannot parse fails here, naming the setting (never the password).
        var configuration = RedisConnector.Configure(redisConnectionString);
        configuration.ChannelPrefix = RedisChannel.Literal(RedisKeys.HubBackplaneChannelPrefix);
        configuration.ClientName = "candledashboard-hub";

        services.AddSignalR();
        services.AddOptions<HubRedisOptions>().Configure(o => o.Configuration = configuration);
        // A closed registration wins over SignalR's open-generic default whatever the order.
        services.AddSingleton<HubLifetimeManager<CandleHub>, RedisHubLifetimeManager<CandleHub>>();
    }
}
