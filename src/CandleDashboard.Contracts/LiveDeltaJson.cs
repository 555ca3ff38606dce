using System.ComponentModel;
using CandleDashboard.Core.Accuracy;

namespace CandleDashboard.Contracts;

/// <summary>
/// Live vs official for one official candle: official − live for each field, as exact decimal
/// strings (<see cref="WireFormat"/>), and whether all of them are zero.
/// </summary>
[Description("How far the candle built live on this server from the exchange's trades was from this official kline: official − live per field (exact decimal strings), and matched when all are zero.")]
public sealed record LiveDeltaJson(
    [property: Description("True when the live candle equalled the official one on open, high, low, close, volume and trade count.")] bool Matched,
    [property: Description("Official open − live open.")] string Open,
    [property: Description("Official high − live high.")] string High,
    [property: Description("Official low − live low.")] string Low,
    [property: Description("Official close − live close.")] string Close,
    [property: Description("Official volume − live volume (base asset).")] string Volume,
    [property: Description("Official trade count − live trade count.")] long TradeCount)
{
    public static LiveDeltaJson From(LiveDelta delta) => new(
        delta.Matched,
        WireFormat.Decimal(delta.Open),
        WireFormat.Decimal(delta.High),
        WireFormat.Decimal(delta.Low),
        WireFormat.Decimal(delta.Close),
        WireFormat.Decimal(delta.Volume),
        delta.TradeCount);
}
