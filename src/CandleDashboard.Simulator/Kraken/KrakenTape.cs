using System.Collections.Concurrent;
using CandleDashboard.Simulator.Generation;
using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Kraken;

/// <summary>
/// Kraken's side of the single path every live trade takes (see <see cref="TradeTape"/>): recorded into the
/// pair's OHLC and trade list first, then broadcast to the v2 <c>trade</c> subscribers, both under the pair's
/// lock. The walk and the replay feed it through <see cref="ITradeSink"/>; a replayed trade keeps its file's
/// sub-millisecond time and order type (registered with <see cref="AddReplayDetails"/>).
/// </summary>
internal sealed class KrakenTape(IReadOnlyDictionary<SymbolMarket, KrakenPair> pairs, KrakenHub hub) : ITradeSink
{
    private readonly ConcurrentDictionary<(SymbolMarket Market, long TradeId), (long SubMillisecondNs, bool IsLimit)> _replayDetails = new();

    public void AddReplayDetails(SymbolMarket market, IEnumerable<KrakenTrade> rows)
    {
        foreach (var row in rows)
        {
            _replayDetails[(market, row.Trade.TradeId)] = (row.TimeNs % 1_000_000, row.IsLimit);
        }
    }

    public void Publish(SymbolMarket market, in SimTrade trade)
    {
        var pair = pairs[market];
        var kraken = _replayDetails.TryRemove((market, trade.TradeId), out var details)
            ? new KrakenTrade(trade, trade.Time * 1_000_000 + details.SubMillisecondNs, details.IsLimit)
            : KrakenTrade.Generated(trade);
        lock (pair.Gate)
        {
            pair.Record(kraken);
            hub.Broadcast(pair, kraken);
        }
    }
}
