using System.Text.Json;

namespace CandleDashboard.Exchange.Binance.Parsing;

/// <summary>Reads Binance's REST error body <c>{"code":-1121,"msg":"Invalid symbol."}</c>.</summary>
public static class BinanceErrorBodyParser
{
    /// <summary>False when the body is not such an object (HTML from a proxy, empty, ...).</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, out int code, out string message)
    {
        code = 0;
        message = "";
        var hasCode = false;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCode = reader.ValueTextEquals("code"u8);
                var isMessage = reader.ValueTextEquals("msg"u8);
                reader.Read();
                if (isCode && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out code))
                {
                    hasCode = true;
                }
                else if (isMessage && reader.TokenType == JsonTokenType.String)
                {
                    message = reader.GetString() ?? "";
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return hasCode;
    }
}
