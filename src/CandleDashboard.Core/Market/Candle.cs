namespace CandleDashboard.Core.Market;

/// <summary>
/// One OHLCV bar. Immutable snapshot; the builder keeps its own mutable state and hands
/// these out, so a candle never changes under a reader's feet.
/// </summary>
/// <param name="OpenTime">Start of the bucket, UTC epoch milliseconds (floored to the interval).</param>
/// <param name="Open">First trade price of the bucket (previous close for an empty bucket).</param>
/// <param name="High">Highest trade price.</param>
/// <param name="Low">Lowest trade price.</param>
/// <param name="Close">Last trade price.</param>
/// <param name="Volume">Base-asset volume (sum of quantities).</param>
/// <param name="QuoteVolume">Quote-asset volume (sum of price × quantity).</param>
/// <param name="TradeCount">Number of trades in the bucket.</param>
/// <param name="IsClosed">True once the bucket has ended; a closed candle no longer changes (except by an official replacement).</param>
/// <param name="Source">Live-built or the exchange's official kline.</param>
public readonly record struct Candle(
    long OpenTime,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume,
    decimal QuoteVolume,
    long TradeCount,
    bool IsClosed,
    CandleSource Source)
{
}
