using CandleDashboard.Exchange.Binance;
using CandleDashboard.Exchange.Kraken;
using CandleDashboard.Simulator;
using CandleDashboard.Web.Options;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Hosting;

public static class ExchangeHostingExtensions
{
    /// <summary>The name the simulator's Binance-protocol candles are stored under, apart from any real exchange's.</summary>
    public const string SimulatorExchangeName = "simulator";

    /// <summary>The same for its Kraken-protocol side (a store name is letters and digits only).</summary>
    public const string SimulatorKrakenExchangeName = "simulatorkraken";

    /// <summary>
    /// Registers the adapter of every venue in <paramref name="plan"/>, each as the keyed
    /// <see cref="Core.Exchange.IExchange"/> its venue id names. In <see cref="ExchangeMode.Simulator"/> mode
    /// (the default) this is also the one place the simulator is wired: it starts in-process on loopback
    /// first, speaking both protocols on one port, and each adapter is pointed at it under a simulator
    /// name, so the app needs no configuration and no internet. The simulator must be listening before
    /// the adapters' options are read, hence async, before Build().
    /// </summary>
    public static async Task<WebApplicationBuilder> AddExchangesAsync(this WebApplicationBuilder builder, VenuePlan plan)
    {
        var exchange = builder.Configuration.GetSection(ExchangeOptions.SectionName).Get<ExchangeOptions>() ?? new ExchangeOptions();
        var binance = plan.Venues.FirstOrDefault(v => v.Kind == VenueKind.Binance);
        var kraken = plan.Venues.FirstOrDefault(v => v.Kind == VenueKind.Kraken);
        if (exchange.Mode == ExchangeMode.Simulator)
        {
            var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
            {
                Symbols = exchange.Simulator.Symbols.Count > 0 ? exchange.Simulator.Symbols : binance?.EffectiveSymbols ?? [],
                TradesPerSecondPerSymbol = exchange.Simulator.TradesPerSecondPerSymbol,
                KrakenSymbols = kraken?.EffectiveSymbols ?? [],
                Port = exchange.Simulator.Port,
            });

            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{BinanceOptions.SectionName}:{nameof(BinanceOptions.RestBaseUri)}"] = simulator.RestBaseUri.ToString(),
                [$"{BinanceOptions.SectionName}:{nameof(BinanceOptions.WebSocketBaseUri)}"] = simulator.WebSocketBaseUri.ToString(),
                [$"{BinanceOptions.SectionName}:{nameof(BinanceOptions.ExchangeName)}"] = SimulatorExchangeName,
                [$"{KrakenOptions.SectionName}:{nameof(KrakenOptions.RestBaseUri)}"] = simulator.KrakenRestBaseUri.ToString(),
                [$"{KrakenOptions.SectionName}:{nameof(KrakenOptions.WebSocketUri)}"] = simulator.KrakenWebSocketUri.ToString(),
                [$"{KrakenOptions.SectionName}:{nameof(KrakenOptions.ExchangeName)}"] = SimulatorKrakenExchangeName,
            });

            // The simulator goes after the trade feeds have disconnected: SimulatorLifetime stops it
            // from IHostApplicationLifetime.ApplicationStopped, whatever order hosted services have.
            builder.Services.AddSingleton(simulator);
            builder.Services.AddHostedService<SimulatorLifetime>();
        }

        // Only the listed venues' adapters: an unlisted exchange is never connected to (or validated).
        if (binance is not null)
        {
            builder.Services.AddBinanceExchange(builder.Configuration.GetSection(BinanceOptions.SectionName));
        }

        if (kraken is not null)
        {
            builder.Services.AddKrakenExchange(builder.Configuration.GetSection(KrakenOptions.SectionName));
        }

        return builder;
    }
}
