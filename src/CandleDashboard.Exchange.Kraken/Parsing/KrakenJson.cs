using System.Globalization;
using System.Text.Json;

namespace CandleDashboard.Exchange.Kraken.Parsing;

/// <summary>
/// Exact readers for Kraken's mixed payloads, where one value may be a JSON string ("105433.6") or
/// a JSON number (1762795433.9717445). Both are read from the token's text as a decimal, never
/// through a double, so every digit Kraken sent survives.
/// </summary>
internal static class KrakenJson
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent;

    public static decimal Decimal(JsonElement value, string what) =>
        TryDecimal(value, out var result) ? result : throw new FormatException($"{what}: expected a decimal, found {value.ValueKind}.");

    public static bool TryDecimal(JsonElement value, out decimal result)
    {
        result = 0m;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out result),
            JsonValueKind.String => decimal.TryParse(value.GetString(), DecimalStyle, CultureInfo.InvariantCulture, out result),
            _ => false,
        };
    }

    public static long Int64(JsonElement value, string what) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var result)
            ? result
            : value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out result)
                ? result
                : throw new FormatException($"{what}: expected an integer, found {value.ValueKind}.");

    /// <summary>Unix seconds with a fraction (Kraken's trade time) as epoch milliseconds, floored exactly.</summary>
    public static long SecondsToMilliseconds(decimal seconds) => (long)decimal.Floor(seconds * 1000m);
}
