using System.Text.Json;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Exchange.Kraken.Parsing;

/// <summary>
/// Reads the result of <c>GET /0/public/OHLC</c>: rows <c>[time, open, high, low, close, vwap, volume, count]</c>
/// (time in Unix seconds, prices and volume as decimal strings) and <c>last</c>, the open time of
/// the newest committed candle. Kraken always appends the still-forming candle after it.
/// </summary>
public static class KrakenOhlcParser
{
    /// <summary>
    /// Candles oldest first, <see cref="CandleSource.Official"/>; a row is closed when it is not after
    /// <c>last</c> (Kraken's own word on which rows are committed). Quote volume is vwap × volume:
    /// Kraken rounds its vwap to the pair's decimals, so that product is approximate.
    /// </summary>
    /// <exception cref="FormatException">The result is not an OHLC answer.</exception>
    public static List<Candle> Parse(JsonElement result, out long lastCommittedSeconds)
    {
        lastCommittedSeconds = result.TryGetProperty("last", out var last) ? KrakenJson.Int64(last, "OHLC last") : long.MaxValue;
        var rows = KrakenEnvelope.RowsOf(result, out _);
        var candles = new List<Candle>(rows.GetArrayLength());
        foreach (var row in rows.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() < 8)
            {
                throw new FormatException("OHLC row: expected an array of 8 values.");
            }

            var time = KrakenJson.Int64(row[0], "OHLC time");
            var volume = KrakenJson.Decimal(row[6], "OHLC volume");
            var vwap = KrakenJson.Decimal(row[5], "OHLC vwap");
            candles.Add(new Candle(
                time * 1000,
                KrakenJson.Decimal(row[1], "OHLC open"),
                KrakenJson.Decimal(row[2], "OHLC high"),
                KrakenJson.Decimal(row[3], "OHLC low"),
                KrakenJson.Decimal(row[4], "OHLC close"),
                volume,
                vwap * volume,
                KrakenJson.Int64(row[7], "OHLC count"),
                IsClosed: time <= lastCommittedSeconds,
                CandleSource.Official));
        }

        return candles;
    }
}
