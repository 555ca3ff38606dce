using System.Net;

namespace CandleDashboard.Exchange.Binance.Rest;

/// <summary>
/// The exchange does not know the symbol (Binance error -1121). A separate type because the
/// dashboard answers it with "unknown symbol" instead of an outage message.
/// </summary>
public sealed class BinanceUnknownSymbolException : BinanceApiException
{
    public const int InvalidSymbolCode = -1121;

    public BinanceUnknownSymbolException(string symbol, HttpStatusCode statusCode, string apiMessage)
        : base(statusCode, InvalidSymbolCode, apiMessage)
    {
        Symbol = symbol;
    }

    public string Symbol { get; }
}
