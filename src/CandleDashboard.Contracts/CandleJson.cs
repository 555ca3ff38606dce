using System.ComponentModel;
using System.Text.Json.Serialization;
using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Contracts;

/// <summary>
/// A candle as other programs receive it, from the REST API and inside the hub's <c>candle</c>
/// message alike (decimals as exact strings; see <see cref="WireFormat"/>).
/// </summary>
/// <param name="OpenTime">Start of the bucket, UTC epoch milliseconds.</param>
/// <param name="Closed">True once the bucket has ended.</param>
/// <param name="Source">"official" (the exchange's kline) or "live" (built here from trades).</param>
/// <param name="LiveDelta">
/// On an official candle that replaced one built live here: official − live. Absent otherwise
/// (live candles, history this server never built live), so every other reader sees the same
/// JSON as before; the hub's <c>candle</c> message (live candles) never carries it.
/// </param>
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
    string Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("Only on an official candle that replaced one built live on this server (recorded for the last 100 replaced candles of each series): official − live per field. Absent otherwise.")]
    LiveDeltaJson? LiveDelta = null)
{
    /// <summary>The candle; with <paramref name="liveDelta"/> when it is an official candle whose live version was recorded.</summary>
    public static CandleJson From(Candle c, LiveDelta? liveDelta) =>
        From(c) with { LiveDelta = c.IsOfficial() && liveDelta is { } d ? LiveDeltaJson.From(d) : null };

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
