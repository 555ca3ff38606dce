using System.Diagnostics.CodeAnalysis;

namespace CandleDashboard.Exchange.Kraken.Pairs;

/// <summary>
/// The one map between the product's symbols and Kraken's names for them, built from AssetPairs
/// (never hand-written): product symbol ⇄ WebSocket v2 name ⇄ REST name ⇄ result key.
/// Immutable; a fresh AssetPairs answer makes a fresh map.
/// </summary>
public sealed class KrakenPairMap
{
    private readonly Dictionary<string, KrakenPair> _bySymbol = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KrakenPair> _byWebSocketName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KrakenPair> _byRestName = new(StringComparer.Ordinal);

    public KrakenPairMap(IEnumerable<KrakenPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var list = new List<KrakenPair>();
        foreach (var pair in pairs)
        {
            // Two Kraken pairs normalising to one symbol would make the symbol ambiguous: the first
            // listed wins and the other stays reachable by its Kraken names only.
            if (_bySymbol.TryAdd(pair.Symbol, pair))
            {
                list.Add(pair);
            }

            _byWebSocketName.TryAdd(pair.WebSocketName, pair);
            _byRestName.TryAdd(pair.RestName, pair);
            _byRestName.TryAdd(pair.ResultKey, pair);
        }

        Pairs = list;
    }

    /// <summary>Every pair, one per product symbol, in Kraken's order.</summary>
    public IReadOnlyList<KrakenPair> Pairs { get; }

    /// <summary>By the product's symbol (<c>BTCUSD</c>; any case).</summary>
    public bool TryGetBySymbol(string symbol, [NotNullWhen(true)] out KrakenPair? pair) =>
        _bySymbol.TryGetValue(symbol.Trim().ToUpperInvariant(), out pair);

    /// <summary>By the WebSocket v2 name (<c>BTC/USD</c>).</summary>
    public bool TryGetByWebSocketName(string name, [NotNullWhen(true)] out KrakenPair? pair) =>
        _byWebSocketName.TryGetValue(name, out pair);

    /// <summary>By the REST name or the result key (<c>XBTUSD</c> or <c>XXBTZUSD</c>).</summary>
    public bool TryGetByRestName(string name, [NotNullWhen(true)] out KrakenPair? pair) =>
        _byRestName.TryGetValue(name, out pair);
}
