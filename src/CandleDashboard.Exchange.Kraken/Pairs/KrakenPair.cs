using CandleDashboard.Core.Exchange;

namespace CandleDashboard.Exchange.Kraken.Pairs;

/// <summary>
/// One Kraken spot pair under every name an endpoint uses for it, all read from one AssetPairs entry.
/// </summary>
/// <param name="Symbol">The product's symbol: base + quote with Kraken's legacy asset codes normalised (<c>BTCUSD</c>).</param>
/// <param name="WebSocketName">The name WebSocket v2 subscribes and reports (<c>BTC/USD</c>; v2 says BTC, not XBT).</param>
/// <param name="RestName">The name REST requests take (<c>altname</c>, <c>XBTUSD</c>).</param>
/// <param name="ResultKey">The key REST answers are filed under (<c>XXBTZUSD</c>).</param>
/// <param name="Base">Normalised base asset (<c>BTC</c>).</param>
/// <param name="Quote">Normalised quote asset (<c>USD</c>).</param>
/// <param name="Status">Kraken's status in the core's terms.</param>
/// <param name="KrakenStatus">Kraken's own status text (<c>online</c>, <c>cancel_only</c>, …).</param>
/// <param name="TickSize">Smallest price step (<c>tick_size</c>, else 10^-pair_decimals).</param>
/// <param name="LotSize">Smallest quantity step (10^-lot_decimals).</param>
public sealed record KrakenPair(
    string Symbol,
    string WebSocketName,
    string RestName,
    string ResultKey,
    string Base,
    string Quote,
    SymbolStatus Status,
    string KrakenStatus,
    decimal TickSize,
    decimal LotSize)
{
    public SymbolInfo ToSymbolInfo() => new(Symbol, Status, TickSize, LotSize);
}
