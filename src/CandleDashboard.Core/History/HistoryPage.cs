using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.History;

/// <summary>A page of older candles, as a chart prepends it when the user scrolls back.</summary>
/// <param name="Candles">Closed official candles, oldest first and consecutive (no hole), at most the requested number.</param>
/// <param name="Source">The tier that answered: a store's name ("redis", "postgres", "memory") or "exchange".</param>
/// <param name="ReachedStart">
/// The exchange has nothing older than the first candle of this page (or, for an empty page, nothing
/// before the requested time): the chart stops asking. False when more may exist, including a page
/// cut short at a hole in the exchange's own history (a trading halt): the page before it continues
/// on the far side of the hole.
/// </param>
public sealed record HistoryPage(IReadOnlyList<Candle> Candles, string Source, bool ReachedStart)
{
    /// <summary>
    /// Most candles one page holds. One page is then one kline request to Binance (its page size is
    /// 1000) for the intervals it serves, so a pan costs one request's weight, and one page is small
    /// enough to write back to the stores and send to a browser in one go; 30 days of 1m candles are
    /// 44 pages.
    /// </summary>
    public const int MaxCount = 1000;
}
