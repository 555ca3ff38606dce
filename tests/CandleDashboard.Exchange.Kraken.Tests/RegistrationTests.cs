using CandleDashboard.Core.Exchange;
using CandleDashboard.Exchange.Kraken.Candles;
using CandleDashboard.Exchange.Kraken.Pairs;
using CandleDashboard.Exchange.Kraken.Rest;
using CandleDashboard.Exchange.Kraken.Streaming;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Exchange.Kraken.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void Configuration_binds_and_the_adapter_resolves_as_the_keyed_kraken_exchange_only()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Exchange:Kraken:RestBaseUri"] = "http://127.0.0.1:5011",
                ["Exchange:Kraken:WebSocketUri"] = "ws://127.0.0.1:5011/v2",
                ["Exchange:Kraken:CallCounterMaximum"] = "20",
                ["Exchange:Kraken:CallCounterDecayPerSecond"] = "0.5",
            })
            .Build();
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddKrakenExchange(configuration.GetSection(KrakenOptions.SectionName))
            .BuildServiceProvider(validateScopes: true);

        var options = provider.GetRequiredService<IOptions<KrakenOptions>>().Value;
        Assert.Equal(new Uri("ws://127.0.0.1:5011/v2"), options.WebSocketUri);
        Assert.Equal((20d, 0.5), (options.CallCounterMaximum, options.CallCounterDecayPerSecond));

        var exchange = provider.GetRequiredKeyedService<IExchange>(KrakenServiceCollectionExtensions.ServiceKey);
        Assert.Same(provider.GetRequiredService<KrakenExchange>(), exchange);
        Assert.Equal("kraken", exchange.Name);
        Assert.IsType<KrakenKlineSource>(exchange.Klines); // OHLC, or built from trades where OHLC cannot serve
        Assert.Same(exchange.Symbols, exchange.ServerTime); // one REST client: one call counter, one pair map
        Assert.Same(exchange.Symbols, provider.GetRequiredService<KrakenRestClient>());
        Assert.Same(exchange.Symbols, provider.GetRequiredService<IKrakenPairSource>());
        Assert.Same(provider.GetRequiredService<KrakenTradeFeed>(), exchange.Trades);
        Assert.Equal(720, exchange.Klines.MaxKlinesPerRequest);
        Assert.Equal(FeedState.Stopped, exchange.Trades.Status.State);

        // The app's one unkeyed exchange is the host's choice, not this adapter's.
        Assert.Null(provider.GetService<IExchange>());
    }

    [Theory]
    [InlineData("WebSocketUri")]
    [InlineData("ExchangeName")]
    [InlineData("CallCounterMaximum")]
    public void Invalid_settings_fail_when_options_are_read(string broken)
    {
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddKrakenExchange(o =>
            {
                switch (broken)
                {
                    case "WebSocketUri":
                        o.WebSocketUri = new Uri("https://not-a-websocket");
                        break;
                    case "ExchangeName":
                        o.ExchangeName = "Kraken Pro";
                        break;
                    default:
                        o.CallCounterMaximum = 0;
                        break;
                }
            })
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<KrakenOptions>>().Value);
        Assert.Contains(broken, ex.Message);
    }
}
