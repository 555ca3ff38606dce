using System.Text.Json;

namespace CandleDashboard.Exchange.Binance.Parsing;

/// <summary>Reads the tradable symbols out of <c>GET /api/v3/exchangeInfo</c>.</summary>
public static class BinanceExchangeInfoParser
{
    /// <summary>Symbols whose status is TRADING, in the order the exchange lists them.</summary>
    /// <exception cref="FormatException">The body has no "symbols" array.</exception>
    public static List<string> ParseTradingSymbols(ReadOnlySpan<byte> json)
    {
        var result = new List<string>();
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

    private static string? ReadSymbol(ref Utf8JsonReader reader)
    {
        string? symbol = null;
        var trading = false;
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
                trading = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("TRADING"u8);
            }
            else
            {
                reader.Read();
                reader.Skip(); // filters, order types, permissions
            }
        }

        return trading && CandleDashboard.Core.Market.Symbols.IsValid(symbol) ? symbol : null;
    }
}
