using CandleDashboard.Core.Market;

namespace CandleDashboard.Exchange.Kraken.Rest;

/// <summary>
/// One page of Kraken's public trade history (<c>GET /0/public/Trades</c>), oldest first.
/// </summary>
/// <param name="Trades">Up to 1,000 trades, in Kraken's order (trade id ascending).</param>
/// <param name="NextCursor">
/// Kraken's <c>last</c>: a nanosecond timestamp to pass as <c>since</c> for the next page. A page
/// shorter than the page size reached the newest trade.
/// </param>
public sealed record KrakenTradePage(IReadOnlyList<Trade> Trades, long NextCursor)
{
    /// <summary>Kraken's page size for Trades.</summary>
    public const int MaxTrades = 1000;
}
