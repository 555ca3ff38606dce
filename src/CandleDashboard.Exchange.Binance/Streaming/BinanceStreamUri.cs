using System.Text;

namespace CandleDashboard.Exchange.Binance.Streaming;

/// <summary>
/// Builds the combined-stream URL <c>{base}/stream?streams=btcusdt@trade/ethusdt@trade</c>.
/// Subscribing through the URL (instead of SUBSCRIBE messages) means every reconnect resubscribes
/// to exactly the same streams with no extra round trip.
/// </summary>
public static class BinanceStreamUri
{
    /// <summary>Binance accepts at most this many streams on one connection.</summary>
    public const int MaxStreamsPerConnection = 1024;

    public static Uri Build(Uri webSocketBaseUri, IReadOnlyList<string> symbols, BinanceStreamKind stream)
    {
        ArgumentNullException.ThrowIfNull(webSocketBaseUri);
        ArgumentNullException.ThrowIfNull(symbols);
        if (symbols.Count == 0 || symbols.Count > MaxStreamsPerConnection)
        {
            throw new ArgumentException($"Between 1 and {MaxStreamsPerConnection} symbols per connection.", nameof(symbols));
        }

        var suffix = stream == BinanceStreamKind.AggTrade ? "@aggTrade" : "@trade";
        var text = new StringBuilder(webSocketBaseUri.AbsoluteUri.TrimEnd('/')).Append("/stream?streams=");
        for (var i = 0; i < symbols.Count; i++)
        {
            if (i > 0)
            {
                text.Append('/');
            }

            // Stream names are lower case; the symbol in the event payload is upper case.
            text.Append(symbols[i].ToLowerInvariant()).Append(suffix);
        }

        return new Uri(text.ToString());
    }
}
