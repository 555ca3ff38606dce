using CandleDashboard.Core.Exchange;
using CandleDashboard.Exchange.Binance.Rest;
using CandleDashboard.Exchange.Binance.Streaming;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Exchange.Binance;

/// <summary>Registers the Binance adapter as the app's <see cref="IExchange"/>.</summary>
public static class BinanceServiceCollectionExtensions
{
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
        services.AddSingleton<IExchange, BinanceExchange>();
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
