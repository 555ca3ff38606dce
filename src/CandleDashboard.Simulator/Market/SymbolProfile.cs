namespace CandleDashboard.Simulator.Market;

/// <summary>
/// Static facts about a listed symbol: its assets, price tick, quantity step and where its walk starts.
/// Known majors get realistic prices and a 0.01 tick; quantities have 5 decimals (price × quantity then has
/// at most 7, so every quote volume is exact in Binance's 8-decimal text). Any other symbol gets a
/// plausible generic profile.
/// </summary>
internal sealed record SymbolProfile(
    string Symbol,
    string BaseAsset,
    string QuoteAsset,
    decimal StartPrice,
    decimal TickSize,
    decimal StepSize,
    decimal MedianQuantity)
{
    private static readonly string[] QuoteAssets = ["USDT", "USDC", "FDUSD", "BUSD", "TUSD", "BTC", "ETH", "BNB", "EUR", "TRY"];

    public long TickUnits => FixedPoint.FromDecimal(TickSize);

    public long StepUnits => FixedPoint.FromDecimal(StepSize);

    public static SymbolProfile For(string symbol)
    {
        var (baseAsset, quoteAsset) = Split(symbol);
        return baseAsset switch
        {
            "BTC" => new(symbol, baseAsset, quoteAsset, 60_000m, 0.01m, 0.00001m, 0.01m),
            "ETH" => new(symbol, baseAsset, quoteAsset, 3_000m, 0.01m, 0.00001m, 0.2m),
            "SOL" => new(symbol, baseAsset, quoteAsset, 150m, 0.01m, 0.00001m, 3m),
            "BNB" => new(symbol, baseAsset, quoteAsset, 600m, 0.01m, 0.00001m, 0.5m),
            _ => new(symbol, baseAsset, quoteAsset, 10m, 0.0001m, 0.01m, 50m),
        };
    }

    private static (string Base, string Quote) Split(string symbol)
    {
        foreach (var quote in QuoteAssets)
        {
            if (symbol.Length > quote.Length && symbol.EndsWith(quote, StringComparison.Ordinal))
            {
                return (symbol[..^quote.Length], quote);
            }
        }

        return (symbol[..^Math.Min(3, symbol.Length - 1)], symbol[^Math.Min(3, symbol.Length - 1)..]);
    }
}
