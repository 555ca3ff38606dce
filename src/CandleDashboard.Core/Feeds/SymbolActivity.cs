namespace CandleDashboard.Core.Feeds;

/// <summary>Per-symbol counters of the live builder, for status badges and operators.</summary>
/// <param name="AcceptedTrades">Trades applied to every interval.</param>
/// <param name="LateTrades">Trades older than some interval's forming bucket (applied only where still forming).</param>
/// <param name="RejectedTrades">Trades refused: price or quantity ≤ 0, or a time too far in the future.</param>
/// <param name="LastTradeTime">Exchange time of the newest trade, UTC epoch ms, or null before the first.</param>
/// <param name="LastPrice">Price of the newest trade, or null before the first.</param>
public sealed record SymbolActivity(
    long AcceptedTrades,
    long LateTrades,
    long RejectedTrades,
    long? LastTradeTime,
    decimal? LastPrice);
