using System.Globalization;
using System.Text.Json;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Exchange.Binance.Parsing;

/// <summary>
/// Parses the body of <c>GET /api/v3/klines</c>: an array of rows
/// <c>[openTime, "open", "high", "low", "close", "volume", closeTime, "quoteVolume", trades, "takerBase", "takerQuote", "ignore"]</c>.
/// </summary>
public static class BinanceKlineParser
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowDecimalPoint;

    /// <summary>
    /// Candles oldest first, <see cref="CandleSource.Official"/>. A row is closed when its close time
    /// (the last millisecond of the bucket) is before <paramref name="nowMs"/>: the newest row of a
    /// live series is usually still forming.
    /// </summary>
    /// <exception cref="FormatException">The body is not a klines array.</exception>
    public static List<Candle> Parse(ReadOnlySpan<byte> json, long nowMs)
    {
        var candles = new List<Candle>();
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new FormatException("Klines response is not a JSON array.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
            {
                candles.Add(ReadRow(ref reader, nowMs));
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                throw new FormatException("Klines response holds something other than rows.");
            }
        }
        catch (JsonException ex)
        {
            throw new FormatException("Klines response is not valid JSON.", ex);
        }

        return candles;
    }

    private static Candle ReadRow(ref Utf8JsonReader reader, long nowMs)
    {
        var openTime = ReadLong(ref reader);
        var open = ReadDecimal(ref reader);
        var high = ReadDecimal(ref reader);
        var low = ReadDecimal(ref reader);
        var close = ReadDecimal(ref reader);
        var volume = ReadDecimal(ref reader);
        var closeTime = ReadLong(ref reader);
        var quoteVolume = ReadDecimal(ref reader);
        var tradeCount = ReadLong(ref reader);

        // Taker volumes and the unused last field: not part of our candle; tolerate more or fewer.
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            reader.Skip();
        }

        return new Candle(openTime, open, high, low, close, volume, quoteVolume, tradeCount, closeTime < nowMs, CandleSource.Official);
    }

    private static long ReadLong(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
        {
            return value;
        }

        throw new FormatException($"Kline row: expected an integer, found {reader.TokenType}.");
    }

    private static decimal ReadDecimal(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
            && decimal.TryParse(reader.ValueSpan, DecimalStyle, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new FormatException($"Kline row: expected a decimal string, found {reader.TokenType}.");
    }
}
