using System.Text.Json;

namespace CandleDashboard.Simulator.Kraken;

/// <summary>
/// Writes the Trades result: <c>{"XBTUSDT":[["price","volume",time,"b"|"s","m"|"l","",trade_id],…],"last":"…"}</c>
/// with the price at the pair's trade decimals, the volume at the lot decimals, time a JSON number of seconds
/// with its fraction, the taker's side and order type, and <c>last</c> the nanosecond cursor for the next page.
/// </summary>
internal static class KrakenTradesWriter
{
    public static void Write(Utf8JsonWriter w, KrakenPairProfile pair, IReadOnlyList<KrakenTrade> trades, long last)
    {
        w.WriteStartObject();
        w.WriteStartArray(pair.Key);
        foreach (var t in trades)
        {
            w.WriteStartArray();
            w.WriteStringValue(KrakenNumbers.Fixed(t.Trade.PriceUnits, pair.TradePriceDecimals));
            w.WriteStringValue(KrakenNumbers.Fixed(t.Trade.QuantityUnits, pair.LotDecimals));
            w.WriteRawValue(KrakenNumbers.Seconds(t.TimeNs), skipInputValidation: true);
            w.WriteStringValue(t.IsBuy ? "b" : "s");
            w.WriteStringValue(t.IsLimit ? "l" : "m");
            w.WriteStringValue("");
            w.WriteNumberValue(t.Trade.TradeId);
            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteString("last", last.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }
}
