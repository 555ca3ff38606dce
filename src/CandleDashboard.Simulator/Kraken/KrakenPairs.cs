namespace CandleDashboard.Simulator.Kraken;

/// <summary>
/// The listed Kraken pairs and the names each endpoint finds them by: REST takes the altname (<c>XBTUSD</c>),
/// the result key (<c>XXBTZUSD</c>), the wsname (<c>XBT/USD</c>) or the product symbol (<c>BTCUSD</c>),
/// case-insensitively; WebSocket v2 takes only its own symbol (<c>BTC/USD</c>), as Kraken does.
/// </summary>
internal sealed class KrakenPairs
{
    private readonly Dictionary<string, KrakenPair> _byRestName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, KrakenPair> _byWsSymbol = new(StringComparer.Ordinal);

    public KrakenPairs(IReadOnlyList<KrakenPair> listed)
    {
        Listed = listed;
        foreach (var pair in listed)
        {
            var p = pair.Profile;
            foreach (var name in new[] { p.Altname, p.Key, p.WsName, p.Symbol, p.WsSymbol })
            {
                _byRestName.TryAdd(name, pair);
            }

            _byWsSymbol[p.WsSymbol] = pair;
        }
    }

    public IReadOnlyList<KrakenPair> Listed { get; }

    public bool TryRest(string? name, out KrakenPair pair) => _byRestName.TryGetValue(name ?? "", out pair!);

    public bool TryWebSocket(string? symbol, out KrakenPair pair) => _byWsSymbol.TryGetValue(symbol ?? "", out pair!);
}
