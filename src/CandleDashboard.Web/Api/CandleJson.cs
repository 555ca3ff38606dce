using System.Globalization;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Api;

/// <summary>
/// A candle as the API writes it. Prices and volumes are strings, as Binance writes them: a JSON
/// number is a double in most clients, and a double cannot hold every decimal price exactly.
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
        Text(c.Open),
        Text(c.High),
        Text(c.Low),
        Text(c.Close),
        Text(c.Volume),
        Text(c.QuoteVolume),
        c.TradeCount,
        c.IsClosed,
        c.Source == CandleSource.Live ? "live" : "official");

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
