using CandleDashboard.Core.Exchange;
using CandleDashboard.Exchange.Binance.Rest;
using CandleDashboard.Exchange.Binance.Streaming;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Exchange.Binance;

/// <summary>
/// Registers the Binance adapter: <see cref="BinanceExchange"/> as a singleton and as the keyed
/// <see cref="IExchange"/> <c>"binance"</c>, the key the host finds each configured exchange by. No unkeyed
/// <see cref="IExchange"/>: with several exchanges in one app, "the" exchange would be a guess.
/// </summary>
public static class BinanceServiceCollectionExtensions
{
    /// <summary>The service key of the Binance <see cref="IExchange"/>.</summary>
    public const string ServiceKey = "binance";

    /// <summary>Binds <see cref="BinanceOptions"/> from a configuration section (normally "Exchange:Binance").</summary>
    public static IServiceCollection AddBinanceExchange(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return services.AddBinanceExchange(options => section.Bind(options));
    }

    public static IServiceCollection AddBinanceExchange(this IServiceCollection services, Action<BinanceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<BinanceOptions>()
            .Configure(configure)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BinanceOptions>, BinanceOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        // One REST client for the app's lifetime, held by the singleton BinanceExchange (it keeps the
        // rate-limit block and the symbol cache), so the handler is never recycled by the factory;
        // PooledConnectionLifetime still refreshes connections to follow DNS changes.
        services.AddHttpClient<BinanceRestClient>((sp, http) =>
            {
                http.Timeout = sp.GetRequiredService<IOptions<BinanceOptions>>().Value.RestTimeout;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.AddSingleton<BinanceTradeFeed>();
        services.AddSingleton<BinanceExchange>();
        services.AddKeyedSingleton<IExchange>(ServiceKey, (sp, _) => sp.GetRequiredService<BinanceExchange>());
        return services;
    }

    /// <summary>Reports every problem at start-up instead of the first failed connection.</summary>
    private sealed class BinanceOptionsValidator : IValidateOptions<BinanceOptions>
    {
        public ValidateOptionsResult Validate(string? name, BinanceOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
