using System.Globalization;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Hubs;

/// <summary>
/// A live candle as hub clients receive it. Prices and volumes are strings so the exact decimal
/// survives JSON (a double would round them), as the exchange's own API does.
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
            Exact(c.Open),
            Exact(c.High),
            Exact(c.Low),
            Exact(c.Close),
            Exact(c.Volume),
            Exact(c.QuoteVolume),
            c.TradeCount,
            c.IsClosed,
            c.Source == CandleSource.Official ? "official" : "live",
            sentAt);
    }

    private static string Exact(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
