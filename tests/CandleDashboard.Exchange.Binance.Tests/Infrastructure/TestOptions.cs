using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using CandleDashboard.Exchange.Binance.Streaming;

namespace CandleDashboard.Exchange.Binance.Tests.Infrastructure;

public static class TestFeeds
{
    /// <summary>A feed against a loopback server with fast reconnects (so real-time tests stay quick).</summary>
    public static BinanceTradeFeed Create(Uri webSocketBaseUri, TimeProvider? time = null, Action<BinanceOptions>? configure = null, int seed = 42)
    {
        var options = new BinanceOptions
        {
            WebSocketBaseUri = webSocketBaseUri,
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(10),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
        };
        configure?.Invoke(options);
        return new BinanceTradeFeed(Options.Create(options), time ?? TimeProvider.System, NullLogger<BinanceTradeFeed>.Instance, new Random(seed));
    }
}
