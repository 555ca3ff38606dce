using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Generation;

/// <summary>
/// Where a trade source (the walk, a replay) hands each new trade: a venue's tape, which records it into
/// the symbol's market and then broadcasts it in the venue's protocol (<see cref="TradeTape"/> for Binance,
/// <c>Kraken.KrakenTape</c> for Kraken).
/// </summary>
internal interface ITradeSink
{
    void Publish(SymbolMarket market, in SimTrade trade);
}
