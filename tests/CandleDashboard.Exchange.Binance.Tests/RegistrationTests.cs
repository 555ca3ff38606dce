using CandleDashboard.Core.Exchange;
using CandleDashboard.Exchange.Binance.Rest;
using CandleDashboard.Exchange.Binance.Streaming;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Exchange.Binance.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void Configuration_section_binds_and_the_adapter_resolves()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Exchange:Binance:RestBaseUri"] = "http://127.0.0.1:5010",
                ["Exchange:Binance:WebSocketBaseUri"] = "ws://127.0.0.1:5010",
                ["Exchange:Binance:Stream"] = "aggTrade",
                ["Exchange:Binance:ReconnectMaxDelay"] = "00:00:10",
            })
            .Build();
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddBinanceExchange(configuration.GetSection(BinanceOptions.SectionName))
            .BuildServiceProvider(validateScopes: true);

        var options = provider.GetRequiredService<IOptions<BinanceOptions>>().Value;
        Assert.Equal(new Uri("http://127.0.0.1:5010"), options.RestBaseUri);
        Assert.Equal(BinanceStreamKind.AggTrade, options.Stream);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ReconnectMaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(1), options.ReconnectInitialDelay);

        // One exchange object: its parts are the adapter's singletons.
        var exchange = provider.GetRequiredKeyedService<IExchange>(BinanceServiceCollectionExtensions.ServiceKey);
        Assert.Same(provider.GetRequiredService<BinanceExchange>(), exchange);
        Assert.Null(provider.GetService<IExchange>());
        Assert.Equal("binance", exchange.Name);
        Assert.IsType<BinanceRestClient>(exchange.Klines);
        Assert.Same(exchange.Klines, exchange.Symbols); // one REST client: one rate-limit budget
        Assert.Equal(1000, exchange.Klines.MaxKlinesPerRequest);
        Assert.Same(provider.GetRequiredService<BinanceTradeFeed>(), exchange.Trades);
        Assert.Equal(FeedState.Stopped, exchange.Trades.Status.State);
    }

    [Fact]
    public void Invalid_settings_fail_when_options_are_read()
    {
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddBinanceExchange(o => o.WebSocketBaseUri = new Uri("https://not-a-websocket"))
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BinanceOptions>>().Value);
        Assert.Contains("WebSocketBaseUri", ex.Message);
    }

    [Theory]
    [InlineData("Binance")]
    [InlineData("my exchange")]
    [InlineData("x")]
    public void The_exchange_name_must_be_usable_in_storage_keys(string name)
    {
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddBinanceExchange(o => o.ExchangeName = name)
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BinanceOptions>>().Value);
        Assert.Contains("ExchangeName", ex.Message);
    }
}
