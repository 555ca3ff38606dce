using System.Globalization;
using System.Text.Json;
using CandleDashboard.Core.Market;
using CandleDashboard.Exchange.Kraken.Rest;

namespace CandleDashboard.Exchange.Kraken.Parsing;

/// <summary>
/// Reads the result of <c>GET /0/public/Trades</c>: rows
/// <c>[price, volume, time, side, ordertype, misc, trade_id]</c> (price and volume decimal strings,
/// time a JSON number of Unix seconds with up to 7 fraction digits) and <c>last</c>, the
/// nanosecond cursor of the next page.
/// </summary>
public static class KrakenTradesParser
{
    /// <exception cref="FormatException">The result is not a Trades answer.</exception>
    public static KrakenTradePage Parse(JsonElement result, string symbol)
    {
        if (!result.TryGetProperty("last", out var last))
        {
            throw new FormatException("Trades answer has no 'last' cursor.");
        }

        var cursor = KrakenJson.Int64(last, "Trades last");
        var rows = KrakenEnvelope.RowsOf(result, out _);
        var trades = new List<Trade>(rows.GetArrayLength());
        foreach (var row in rows.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() < 7)
            {
                throw new FormatException("Trade row: expected an array of 7 values.");
            }

            var seconds = KrakenJson.Decimal(row[2], "trade time");
            var side = row[3].ValueKind == JsonValueKind.String ? row[3].GetString() : null;
            trades.Add(new Trade(
                symbol,
                KrakenJson.Int64(row[6], "trade id"),
                KrakenJson.Decimal(row[0], "trade price"),
                KrakenJson.Decimal(row[1], "trade volume"),
                KrakenJson.SecondsToMilliseconds(seconds),

                // "s": the taker sold, so the resting buyer was the maker (Binance's m flag).
                IsBuyerMaker: string.Equals(side, "s", StringComparison.Ordinal)));
        }

        return new KrakenTradePage(trades, cursor);
    }

    /// <summary>The cursor for "trades from this time on" (epoch ms → Kraken's nanoseconds).</summary>
    public static long CursorAt(long epochMilliseconds) =>
        checked(epochMilliseconds * 1_000_000L);

    internal static string Format(long cursor) => cursor.ToString(CultureInfo.InvariantCulture);
}
