using CandleDashboard.Core.Market;

namespace CandleDashboard.Contracts;

/// <summary>
/// A candle as other programs receive it, from the REST API and inside the hub's <c>candle</c>
/// message alike (decimals as exact strings; see <see cref="WireFormat"/>).
/// </summary>
/// <param name="OpenTime">Start of the bucket, UTC epoch milliseconds.</param>
/// <param name="Closed">True once the bucket has ended.</param>
/// <param name="Source">"official" (the exchange's kline) or "live" (built here from trades).</param>
public sealed record CandleJson(
    long OpenTime,
    string Open,
    string High,
    string Low,
    string Close,
    string Volume,
    string QuoteVolume,
    long TradeCount,
    bool Closed,
    string Source)
{
    public static CandleJson From(Candle c) => new(
        c.OpenTime,
        WireFormat.Decimal(c.Open),
        WireFormat.Decimal(c.High),
        WireFormat.Decimal(c.Low),
        WireFormat.Decimal(c.Close),
        WireFormat.Decimal(c.Volume),
        WireFormat.Decimal(c.QuoteVolume),
        c.TradeCount,
        c.IsClosed,
        WireFormat.Source(c.Source));
}
