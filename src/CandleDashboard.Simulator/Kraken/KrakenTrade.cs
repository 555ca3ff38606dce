using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Kraken;

/// <summary>
/// One trade on a Kraken pair: the shared <see cref="SimTrade"/> (whose ms time buckets the OHLC) plus
/// what Kraken prints besides: the time in nanoseconds (Trades' <c>time</c> and <c>last</c> cursor, v2's
/// timestamp) and the taker's order type. The taker's side is the shared maker flag: buyer maker = sell.
/// </summary>
internal readonly record struct KrakenTrade(SimTrade Trade, long TimeNs, bool IsLimit)
{
    public bool IsBuy => !Trade.IsBuyerMaker;

    /// <summary>A generated trade: ns from its ms time; about a quarter of takers are (marketable) limit orders, fixed by the id.</summary>
    public static KrakenTrade Generated(in SimTrade trade) =>
        new(trade, trade.Time * 1_000_000, ((ulong)trade.TradeId * 0x9E3779B97F4A7C15UL) >> 62 == 0);
}
