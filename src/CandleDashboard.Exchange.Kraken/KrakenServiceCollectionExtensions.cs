using CandleDashboard.Core.Exchange;
using CandleDashboard.Exchange.Kraken.Pairs;
using CandleDashboard.Exchange.Kraken.Rest;
using CandleDashboard.Exchange.Kraken.Streaming;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Exchange.Kraken;

/// <summary>
/// Registers the Kraken adapter's own services: <see cref="KrakenExchange"/> as a singleton and as
/// the keyed <see cref="IExchange"/> <c>"kraken"</c>, the key the host finds each configured exchange by.
/// No unkeyed <see cref="IExchange"/>: with several exchanges in one app, "the" exchange would be a guess.
/// </summary>
public static class KrakenServiceCollectionExtensions
{
    /// <summary>The service key of the Kraken <see cref="IExchange"/>.</summary>
    public const string ServiceKey = "kraken";

    /// <summary>Binds <see cref="KrakenOptions"/> from a configuration section (normally "Exchange:Kraken").</summary>
    public static IServiceCollection AddKrakenExchange(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return services.AddKrakenExchange(options => section.Bind(options));
    }

    public static IServiceCollection AddKrakenExchange(this IServiceCollection services, Action<KrakenOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<KrakenOptions>()
            .Configure(configure)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<KrakenOptions>, KrakenOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        // One REST client for the app's lifetime (it holds the call counter, the lockout and the pair
        // map), so the factory never recycles its handler; pooled connections still follow DNS.
        services.AddHttpClient<KrakenRestClient>((sp, http) =>
            {
                http.Timeout = sp.GetRequiredService<IOptions<KrakenOptions>>().Value.RestTimeout;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        // The typed client is transient by default; the adapter needs exactly one.
        services.AddSingleton<KrakenRestClient>(sp =>
            ActivatorUtilities.CreateInstance<KrakenRestClient>(sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(KrakenRestClient))));
        services.AddSingleton<IKrakenPairSource>(sp => sp.GetRequiredService<KrakenRestClient>());
        services.AddSingleton<KrakenTradeFeed>();
        services.AddSingleton<KrakenExchange>();
        services.AddKeyedSingleton<IExchange>(ServiceKey, (sp, _) => sp.GetRequiredService<KrakenExchange>());
        return services;
    }

    /// <summary>Reports every problem at start-up instead of the first failed connection.</summary>
    private sealed class KrakenOptionsValidator : IValidateOptions<KrakenOptions>
    {
        public ValidateOptionsResult Validate(string? name, KrakenOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
