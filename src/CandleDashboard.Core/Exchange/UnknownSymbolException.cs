namespace CandleDashboard.Core.Exchange;

/// <summary>The exchange does not list the symbol: a wrong or delisted symbol, not an outage.</summary>
public sealed class UnknownSymbolException(string exchange, string symbol, string exchangeMessage)
    : ExchangeException(exchange, $"{exchange} does not list {symbol}: {exchangeMessage}")
{
    public string Symbol { get; } = symbol;
}
