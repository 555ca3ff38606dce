using CandleDashboard.Core.Market;
using CandleDashboard.Web.Contracts;

namespace CandleDashboard.Web.Api;

/// <summary>
/// A candle as the API writes it (decimals as exact strings; see <see cref="WireFormat"/>).
/// </summary>
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
