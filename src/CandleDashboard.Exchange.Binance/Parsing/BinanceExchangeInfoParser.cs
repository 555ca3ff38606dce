using System.Globalization;
using System.Text.Json;
using CandleDashboard.Core.Exchange;

namespace CandleDashboard.Exchange.Binance.Parsing;

/// <summary>Reads the symbol directory out of <c>GET /api/v3/exchangeInfo</c>.</summary>
public static class BinanceExchangeInfoParser
{
    /// <summary>
    /// Every listed symbol with a valid name, in the exchange's order: its status, and tick and lot
    /// size from the PRICE_FILTER and LOT_SIZE filters (0 when a filter is missing).
    /// </summary>
    /// <exception cref="FormatException">The body has no "symbols" array or is not JSON.</exception>
    public static List<SymbolInfo> Parse(ReadOnlySpan<byte> json)
    {
        var result = new List<SymbolInfo>();
        var sawSymbols = false;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException("exchangeInfo response is not a JSON object.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSymbols = reader.ValueTextEquals("symbols"u8);
                reader.Read();
                if (!isSymbols || reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip(); // rateLimits, exchangeFilters, serverTime, ...
                    continue;
                }

                sawSymbols = true;
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    if (ReadSymbol(ref reader) is { } symbol)
                    {
                        result.Add(symbol);
                    }
                }
            }
        }
        catch (JsonException ex)
        {
            throw new FormatException("exchangeInfo response is not valid JSON.", ex);
        }

        return sawSymbols ? result : throw new FormatException("exchangeInfo response has no symbols array.");
    }

    /// <summary>Binance's symbol statuses in the core's terms.</summary>
    public static SymbolStatus StatusOf(string? status) => status switch
    {
        "TRADING" => SymbolStatus.Trading,
        "HALT" or "BREAK" or "AUCTION_MATCH" => SymbolStatus.Halted,
        _ => SymbolStatus.Closed, // PRE_TRADING, POST_TRADING, END_OF_DAY, and anything new
    };

    private static SymbolInfo? ReadSymbol(ref Utf8JsonReader reader)
    {
        string? symbol = null;
        string? status = null;
        decimal tick = 0m, lot = 0m;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("symbol"u8))
            {
                reader.Read();
                symbol = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                reader.Read();
                status = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("filters"u8))
            {
                reader.Read();
                ReadFilters(ref reader, ref tick, ref lot);
            }
            else
            {
                reader.Read();
                reader.Skip(); // order types, permissions, precisions
            }
        }

        return CandleDashboard.Core.Market.Symbols.IsValid(symbol) ? new SymbolInfo(symbol, StatusOf(status), tick, lot) : null;
    }

    private static void ReadFilters(ref Utf8JsonReader reader, ref decimal tick, ref decimal lot)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? type = null;
            decimal tickSize = 0m, stepSize = 0m;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("filterType"u8))
                {
                    reader.Read();
                    type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("tickSize"u8))
                {
                    reader.Read();
                    tickSize = ReadDecimal(ref reader);
                }
                else if (reader.ValueTextEquals("stepSize"u8))
                {
                    reader.Read();
                    stepSize = ReadDecimal(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (type == "PRICE_FILTER")
            {
                tick = tickSize;
            }
            else if (type == "LOT_SIZE")
            {
                lot = stepSize;
            }
        }
    }

    // Binance writes decimals as strings ("0.01000000"); anything unreadable counts as unknown (0).
    private static decimal ReadDecimal(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String
        && decimal.TryParse(reader.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : 0m;
}
