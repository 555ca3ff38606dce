using CandleDashboard.Core.Market;
using CandleDashboard.Web.Contracts;

namespace CandleDashboard.Web.Hubs;

/// <summary>
/// A live candle as hub clients receive it (decimals as exact strings; see <see cref="WireFormat"/>).
/// </summary>
/// <param name="SentAt">Server clock when the message left the hub, UTC epoch ms (lets clients measure delivery latency).</param>
public sealed record CandleMessage(
    string Symbol,
    string Interval,
    long OpenTime,
    string Open,
    string High,
    string Low,
    string Close,
    string Volume,
    string QuoteVolume,
    long TradeCount,
    bool Closed,
    string Source,
    long SentAt)
{
    public static CandleMessage From(CandleUpdate update, long sentAt)
    {
        var c = update.Candle;
        return new CandleMessage(
            update.Symbol,
            update.Interval.Code,
            c.OpenTime,
            WireFormat.Decimal(c.Open),
            WireFormat.Decimal(c.High),
            WireFormat.Decimal(c.Low),
            WireFormat.Decimal(c.Close),
            WireFormat.Decimal(c.Volume),
            WireFormat.Decimal(c.QuoteVolume),
            c.TradeCount,
            c.IsClosed,
            WireFormat.Source(c.Source),
            sentAt);
    }
}
