using CandleDashboard.Exchange.Binance;
using CandleDashboard.Simulator;
using CandleDashboard.Web.Options;

namespace CandleDashboard.Web.Hosting;

public static class ExchangeHostingExtensions
{
    /// <summary>The name the simulator's candles are stored under, apart from any real exchange's.</summary>
    public const string SimulatorExchangeName = "simulator";

    /// <summary>
    /// Registers the app's one <see cref="Core.Exchange.IExchange"/>: the Binance adapter. In
    /// <see cref="ExchangeMode.Simulator"/> mode (the default) this is also the one place the
    /// simulator is wired: it starts in-process on loopback first and the adapter is pointed at it
    /// under the name <see cref="SimulatorExchangeName"/>, so the app needs no configuration and no
    /// internet. The simulator must be listening before the adapter's options are read, hence
    /// async, before Build().
    /// </summary>
    public static async Task<WebApplicationBuilder> AddExchangeAsync(this WebApplicationBuilder builder)
    {
        var exchange = builder.Configuration.GetSection(ExchangeOptions.SectionName).Get<ExchangeOptions>() ?? new ExchangeOptions();
        if (exchange.Mode == ExchangeMode.Simulator)
        {
            var dashboard = builder.Configuration.GetSection(DashboardOptions.SectionName).Get<DashboardOptions>() ?? new DashboardOptions();
            var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
            {
                Symbols = exchange.Simulator.Symbols.Count > 0 ? exchange.Simulator.Symbols : dashboard.EffectiveSymbols,
                TradesPerSecondPerSymbol = exchange.Simulator.TradesPerSecondPerSymbol,
                Port = exchange.Simulator.Port,
            });

            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{BinanceOptions.SectionName}:{nameof(BinanceOptions.RestBaseUri)}"] = simulator.RestBaseUri.ToString(),
                [$"{BinanceOptions.SectionName}:{nameof(BinanceOptions.WebSocketBaseUri)}"] = simulator.WebSocketBaseUri.ToString(),
                [$"{BinanceOptions.SectionName}:{nameof(BinanceOptions.ExchangeName)}"] = SimulatorExchangeName,
            });

            // The simulator goes after the trade feed has disconnected: SimulatorLifetime stops it
            // from IHostApplicationLifetime.ApplicationStopped, whatever order hosted services have.
            builder.Services.AddSingleton(simulator);
            builder.Services.AddHostedService<SimulatorLifetime>();
        }

        builder.Services.AddBinanceExchange(builder.Configuration.GetSection(BinanceOptions.SectionName));
        return builder;
    }
}
