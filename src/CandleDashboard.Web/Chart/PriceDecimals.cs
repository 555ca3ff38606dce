using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Chart;

/// <summary>How many decimals a chart shows for prices: the symbol's tick size when the exchange told it, else a guess from the price.</summary>
public static class PriceDecimals
{
    public static int For(SymbolInfo? symbol, IReadOnlyList<Candle> candles) =>
        symbol is { TickSize: > 0m } ? symbol.PriceDecimals
        : candles.Count > 0 ? PriceFormat.DecimalsFor(candles[^1].Close)
        : 2;
}
