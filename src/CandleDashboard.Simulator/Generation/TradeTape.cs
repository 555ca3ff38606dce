using System.Diagnostics;
using CandleDashboard.Simulator.Market;
using CandleDashboard.Simulator.Streaming;

namespace CandleDashboard.Simulator.Generation;

/// <summary>
/// The single path every live trade takes: recorded into the symbol's klines first, then broadcast.
/// Recording first means that once a client has seen a trade on the stream, REST already includes it;
/// this ordering is what lets history and live join without a gap.
/// </summary>
internal sealed class TradeTape(StreamHub hub, TimeProvider timeProvider) : ITradeSink
{
    public event Action<PublishedTrade>? Published;

    public void Publish(SymbolMarket market, in SimTrade trade)
    {
        market.Record(trade);

        // Stamped before queuing, so a latency measured from it never misses time spent in the simulator.
        var sentAt = Stopwatch.GetTimestamp();
        hub.Broadcast(market.Symbol, trade, timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        var handler = Published;
        if (handler is null)
        {
            return;
        }

        var published = new PublishedTrade(
            market.Symbol,
            trade.TradeId,
            FixedPoint.ToDecimal(trade.PriceUnits),
            FixedPoint.ToDecimal(trade.QuantityUnits),
            trade.Time,
            trade.IsBuyerMaker,
            sentAt);
        try
        {
            handler(published);
        }
        catch (Exception e)
        {
            // An observer's bug must not stop the market for everyone else; it is reported, not rethrown.
            Trace.TraceError($"TradePublished handler failed: {e}");
        }
    }
}
