using System.Text.Json;
using CandleDashboard.Core.Market;
using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Rest;

/// <summary>
/// Writes klines as Binance's array rows:
/// <c>[openTime,"open","high","low","close","volume",closeTime,"quoteVolume",trades,"takerBuyBase","takerBuyQuote","0"]</c>
/// with closeTime = openTime + length − 1 and every decimal a string with 8 places (quote volumes keep
/// more places only if needed to stay exact, e.g. for replayed 8-decimal quantities).
/// </summary>
internal static class KlineRowWriter
{
    public static void Write(Utf8JsonWriter writer, Interval interval, IReadOnlyList<KlineBar> bars)
    {
        writer.WriteStartArray();
        foreach (var bar in bars)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(bar.OpenTime);
            writer.WriteStringValue(FixedPoint.Format(bar.Open));
            writer.WriteStringValue(FixedPoint.Format(bar.High));
            writer.WriteStringValue(FixedPoint.Format(bar.Low));
            writer.WriteStringValue(FixedPoint.Format(bar.Close));
            writer.WriteStringValue(FixedPoint.Format(bar.Volume));
            writer.WriteNumberValue(bar.OpenTime + interval.Milliseconds - 1);
            writer.WriteStringValue(FixedPoint.FormatQuote(bar.QuoteVolume));
            writer.WriteNumberValue(bar.TradeCount);
            writer.WriteStringValue(FixedPoint.Format(bar.TakerBuyVolume));
            writer.WriteStringValue(FixedPoint.FormatQuote(bar.TakerBuyQuoteVolume));
            writer.WriteStringValue("0");
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}
