using System.Buffers;
using System.Text.Json;
using CandleDashboard.Core.Market;
using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Streaming;

/// <summary>
/// Writes Binance's kline stream event:
/// <c>{"e":"kline","E":…,"s":"BTCUSDT","k":{"t":…,"T":…,"s":…,"i":"1m","f":…,"L":…,"o":…,"c":…,"h":…,"l":…,"v":…,"n":…,"x":…,"q":…,"V":…,"Q":…,"B":"0"}}</c>.
/// A few events a second per stream, so a JSON writer is fine here.
/// </summary>
internal static class KlineEventEncoder
{
    public static byte[] Encode(string symbol, Interval interval, in KlineBar bar, bool isClosed, long eventTime)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("e", "kline");
            w.WriteNumber("E", eventTime);
            w.WriteString("s", symbol);
            w.WriteStartObject("k");
            w.WriteNumber("t", bar.OpenTime);
            w.WriteNumber("T", bar.OpenTime + interval.Milliseconds - 1);
            w.WriteString("s", symbol);
            w.WriteString("i", interval.Code);
            w.WriteNumber("f", bar.FirstTradeId);
            w.WriteNumber("L", bar.LastTradeId);
            w.WriteString("o", FixedPoint.Format(bar.Open));
            w.WriteString("c", FixedPoint.Format(bar.Close));
            w.WriteString("h", FixedPoint.Format(bar.High));
            w.WriteString("l", FixedPoint.Format(bar.Low));
            w.WriteString("v", FixedPoint.Format(bar.Volume));
            w.WriteNumber("n", bar.TradeCount);
            w.WriteBoolean("x", isClosed);
            w.WriteString("q", FixedPoint.FormatQuote(bar.QuoteVolume));
            w.WriteString("V", FixedPoint.Format(bar.TakerBuyVolume));
            w.WriteString("Q", FixedPoint.FormatQuote(bar.TakerBuyQuoteVolume));
            w.WriteString("B", "0");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
