using System.Text.Json;
using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Kraken;

/// <summary>
/// Writes the OHLC result: <c>{"XXBTZUSD":[[time,"open","high","low","close","vwap","volume",count],…],"last":…}</c>
/// with time in Unix seconds, prices and VWAP with the pair's decimals (VWAP truncated, "0.0" for an empty
/// bucket), volume with the lot decimals, and <c>last</c> = the open time of the last committed row.
/// </summary>
internal static class KrakenOhlcWriter
{
    public static void Write(Utf8JsonWriter w, KrakenPairProfile pair, IReadOnlyList<KlineBar> rows, long last)
    {
        var d = pair.PairDecimals;
        w.WriteStartObject();
        w.WriteStartArray(pair.Key);
        foreach (var bar in rows)
        {
            w.WriteStartArray();
            w.WriteNumberValue(bar.OpenTime / 1000);
            w.WriteStringValue(KrakenNumbers.Fixed(bar.Open, d));
            w.WriteStringValue(KrakenNumbers.Fixed(bar.High, d));
            w.WriteStringValue(KrakenNumbers.Fixed(bar.Low, d));
            w.WriteStringValue(KrakenNumbers.Fixed(bar.Close, d));
            w.WriteStringValue(KrakenNumbers.Fixed(KrakenNumbers.Vwap(bar.QuoteVolume, bar.Volume, d), d));
            w.WriteStringValue(KrakenNumbers.Fixed(bar.Volume, pair.LotDecimals));
            w.WriteNumberValue(bar.TradeCount);
            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteNumber("last", last);
        w.WriteEndObject();
    }
}
