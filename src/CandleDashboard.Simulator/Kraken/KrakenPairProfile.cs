using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Kraken;

/// <summary>
/// The names and precisions of one Kraken spot pair, as AssetPairs lists them. Classic pairs (an
/// X-prefixed crypto against a Z-prefixed fiat) are keyed by their asset codes (<c>XXBTZUSD</c>), newer
/// pairs by their altname (<c>XBTUSDT</c>, <c>SOLUSD</c>). Kraken calls bitcoin XBT in REST and in the v1
/// <c>wsname</c> (<c>XBT/USD</c>) but BTC in WebSocket v2 symbols (<c>BTC/USD</c>).
/// </summary>
/// <param name="Symbol">The product's symbol, e.g. <c>BTCUSD</c> (what <see cref="SimulatorOptions.KrakenSymbols"/> lists).</param>
/// <param name="Key">AssetPairs result key and the key of OHLC/Trades results, e.g. <c>XXBTZUSD</c>.</param>
/// <param name="Altname">REST pair name, e.g. <c>XBTUSD</c>.</param>
/// <param name="WsName">v1 WebSocket name as AssetPairs writes it, e.g. <c>XBT/USD</c>.</param>
/// <param name="WsSymbol">WebSocket v2 symbol, e.g. <c>BTC/USD</c>.</param>
/// <param name="PairDecimals">Price decimals of OHLC rows (and the tick: 10^-PairDecimals).</param>
/// <param name="TradePriceDecimals">Price decimals of Trades rows (Kraken writes at least 5).</param>
internal sealed record KrakenPairProfile(
    string Symbol,
    string Key,
    string Altname,
    string WsName,
    string WsSymbol,
    string BaseAsset,
    string QuoteAsset,
    int PairDecimals,
    int LotDecimals,
    int CostDecimals,
    int TradePriceDecimals,
    decimal OrderMin,
    decimal CostMin,
    decimal StartPrice,
    decimal MedianQuantity)
{
    private static readonly string[] Quotes = ["USDT", "USDC", "USD", "EUR", "GBP", "CAD", "JPY", "CHF", "AUD", "XBT", "BTC", "ETH"];

    public decimal TickSize => 1m / Pow10(PairDecimals);

    /// <summary>The walk's view of the pair: its tick, a lot step of 10^-LotDecimals and typical size.</summary>
    public SymbolProfile WalkProfile => new(Symbol, BaseAsset, QuoteAsset, StartPrice, TickSize, 1m / Pow10(LotDecimals), MedianQuantity);

    /// <summary>
    /// The pair for a product symbol (<c>BTCUSD</c>) or a Kraken name (<c>XBTUSDT</c>, <c>XXBTZUSD</c>, <c>BTC/USD</c>).
    /// BTC and ETH pairs get Kraken's real precisions; any other pair a plausible generic profile.
    /// </summary>
    public static KrakenPairProfile? For(string name)
    {
        var text = name.Replace("/", "", StringComparison.Ordinal).ToUpperInvariant();
        if (text.Length == 8 && text[0] == 'X' && text[4] == 'Z')
        {
            text = text[1..4] + text[5..]; // XXBTZUSD → XBTUSD
        }

        var quote = Quotes.FirstOrDefault(q => text.Length > q.Length + 1 && text.EndsWith(q, StringComparison.Ordinal));
        if (quote is null || !text.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        var baseName = Product(text[..^quote.Length]);
        quote = Product(quote);
        var baseAsset = AssetCode(baseName);
        var quoteAsset = AssetCode(quote);
        var altname = RestName(baseName) + RestName(quote);
        var classic = baseAsset.Length == 4 && baseAsset[0] == 'X' && quoteAsset.Length == 4 && quoteAsset[0] == 'Z';
        var key = classic ? baseAsset + quoteAsset : altname;
        var (pairDecimals, start, median, orderMin) = baseName switch
        {
            "BTC" => (1, 60_000m, 0.01m, 0.00005m),
            "ETH" => (2, 3_000m, 0.2m, 0.002m),
            "SOL" => (2, 150m, 3m, 0.02m),
            _ => (4, 10m, 50m, 1m),
        };
        return new KrakenPairProfile(
            baseName + quote, key, altname, RestName(baseName) + "/" + RestName(quote), baseName + "/" + quote,
            baseAsset, quoteAsset, pairDecimals, LotDecimals: 8, CostDecimals: 5, TradePriceDecimals: Math.Max(5, pairDecimals),
            orderMin, CostMin: 0.5m, start, median);
    }

    /// <summary>Kraken's asset codes: the classic ones carry an X (crypto) or Z (fiat) prefix.</summary>
    private static string AssetCode(string product) => product switch
    {
        "BTC" => "XXBT",
        "ETH" => "XETH",
        "USD" or "EUR" or "GBP" or "CAD" or "JPY" => "Z" + product,
        _ => product,
    };

    private static string RestName(string product) => product == "BTC" ? "XBT" : product;

    private static string Product(string kraken) => kraken == "XBT" ? "BTC" : kraken;

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++)
        {
            p *= 10;
        }

        return p;
    }
}
