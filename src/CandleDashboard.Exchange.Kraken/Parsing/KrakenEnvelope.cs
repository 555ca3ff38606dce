using System.Text.Json;

namespace CandleDashboard.Exchange.Kraken.Parsing;

/// <summary>
/// Kraken's REST answer <c>{"error":[…],"result":{…}}</c>. Kraken reports failures in the
/// <c>error</c> array, usually with HTTP 200, so every answer is read through this first.
/// </summary>
internal sealed class KrakenEnvelope : IDisposable
{
    private readonly JsonDocument _document;

    private KrakenEnvelope(JsonDocument document, IReadOnlyList<string> errors, JsonElement? result)
    {
        _document = document;
        Errors = errors;
        Result = result;
    }

    /// <summary>Kraken's error strings (<c>EQuery:Unknown asset pair</c>); warnings (W…) are left out.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Warnings Kraken attached (strings starting with W), for the log.</summary>
    public IReadOnlyList<string> Warnings { get; private init; } = [];

    public JsonElement? Result { get; }

    /// <exception cref="FormatException">Not JSON, or neither an error array nor a result object.</exception>
    public static KrakenEnvelope Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The answer is not JSON.", ex);
        }

        try
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("The answer is not a JSON object.");
            }

            var errors = new List<string>();
            var warnings = new List<string>();
            if (root.TryGetProperty("error", out var errorArray) && errorArray.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in errorArray.EnumerateArray())
                {
                    var text = item.ValueKind == JsonValueKind.String ? item.GetString() ?? "" : item.GetRawText();
                    (text.StartsWith('W') ? warnings : errors).Add(text);
                }
            }

            JsonElement? result = root.TryGetProperty("result", out var r) && r.ValueKind == JsonValueKind.Object ? r : null;
            if (result is null && errors.Count == 0)
            {
                throw new FormatException("The answer has neither a result nor an error.");
            }

            return new KrakenEnvelope(document, errors, result) { Warnings = warnings };
        }
        catch (InvalidOperationException ex)
        {
            // An error text that is not valid UTF-8.
            document.Dispose();
            throw new FormatException("The answer's error list could not be read.", ex);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The first array in the result: Kraken files OHLC and Trades rows under the pair's result key
    /// (XXBTZUSD) next to <c>last</c>, so the rows are found by shape, not by guessing the key.
    /// </summary>
    public static JsonElement RowsOf(JsonElement result, out string key)
    {
        foreach (var property in result.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                key = property.Name;
                return property.Value;
            }
        }

        throw new FormatException("The result holds no rows.");
    }

    public void Dispose() => _document.Dispose();
}
