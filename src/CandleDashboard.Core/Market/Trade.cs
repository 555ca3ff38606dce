namespace CandleDashboard.Core.Market;

/// <summary>
/// One executed trade as the exchange reported it. A value type so that the hot path
/// (parse → build) never allocates per trade; <see cref="Symbol"/> is expected to be an
/// interned/shared string owned by the adapter.
/// </summary>
/// <param name="Symbol">Exchange symbol in upper case, e.g. <c>BTCUSDT</c>.</param>
/// <param name="TradeId">Exchange trade id (aggregate id for aggTrade streams).</param>
/// <param name="Price">Price in quote currency.</param>
/// <param name="Quantity">Quantity in base currency.</param>
/// <param name="Time">Trade time, UTC epoch milliseconds.</param>
/// <param name="IsBuyerMaker">True when the taker sold (Binance's <c>m</c> flag).</param>
public readonly record struct Trade(
    string Symbol,
    long TradeId,
    decimal Price,
    decimal Quantity,
    long Time,
    bool IsBuyerMaker = false);
