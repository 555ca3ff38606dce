using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.History;

/// <summary>Candles of one series as loaded, with where they came from and how far stored history lags.</summary>
/// <param name="Candles">Up to the requested number of closed candles, oldest first, plus the forming one when the exchange answered.</param>
/// <param name="Source">The tier that answered: a store's name ("redis", "postgres", "memory") or "exchange".</param>
/// <param name="Gap">Lag of stored official history behind the clock.</param>
public sealed record HistorySlice(IReadOnlyList<Candle> Candles, string Source, HistoryGap Gap);
