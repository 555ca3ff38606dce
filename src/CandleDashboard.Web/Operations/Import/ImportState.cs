using System.Globalization;
using System.Text;
using System.Text.Json;
using CandleDashboard.Core.Building;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Operations.Import;

/// <summary>
/// The builder's forming candle of every interval, as saved with a checkpoint (import_progress.state): JSON, prices
/// and volumes as exact decimal strings (scale kept), so a bucket spanning the checkpoint continues bit for bit.
/// </summary>
public static class ImportState
{
    public static string Save(LiveCandleBuilder builder)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var interval in builder.Intervals)
            {
                if (!builder.TryGetForming(interval, out var c))
                {
                    continue;
                }

                json.WriteStartObject();
                json.WriteString("interval", interval.Code);
                json.WriteNumber("openTime", c.OpenTime);
                json.WriteString("open", Text(c.Open));
                json.WriteString("high", Text(c.High));
                json.WriteString("low", Text(c.Low));
                json.WriteString("close", Text(c.Close));
                json.WriteString("volume", Text(c.Volume));
                json.WriteString("quoteVolume", Text(c.QuoteVolume));
                json.WriteNumber("trades", c.TradeCount);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Sets the builder's forming candles from <paramref name="state"/>; intervals the builder does not build are ignored.</summary>
    public static void Restore(LiveCandleBuilder builder, string state)
    {
        using var document = JsonDocument.Parse(state);
        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (!Interval.TryParse(item.GetProperty("interval").GetString(), out var interval) || builder.IndexOf(interval) < 0)
            {
                continue;
            }

            var candle = new Candle(
                item.GetProperty("openTime").GetInt64(),
                Number(item, "open"),
                Number(item, "high"),
                Number(item, "low"),
                Number(item, "close"),
                Number(item, "volume"),
                Number(item, "quoteVolume"),
                item.GetProperty("trades").GetInt64(),
                IsClosed: false,
                CandleSource.Live);
            builder.Restore(interval, candle);
        }
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal Number(JsonElement item, string name) =>
        decimal.Parse(item.GetProperty(name).GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);
}
