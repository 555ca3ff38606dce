namespace CandleDashboard.Simulator.Market;

/// <summary>One simulated (or replayed) trade in fixed-point units; see <see cref="FixedPoint"/>.</summary>
internal readonly record struct SimTrade(long TradeId, long PriceUnits, long QuantityUnits, long Time, bool IsBuyerMaker);
