using System.Text.Json;
using System.Text.Json.Serialization;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;

namespace CandleDashboard.Contracts;

/// <summary>
/// The one wire form of <see cref="DataUpdated"/>, on the Redis channel and in the hub's
/// <c>data_updated</c> message alike (SignalR writes the record with the same camelCase names):
/// <c>{"exchange":"binance","symbol":"BTCUSDT","interval":"1m","from":…,"to":…,"count":…}</c>.
/// Whatever arrives from outside the process (another app, an old version, an attacker with Redis
/// access) is checked here, including well-formed JSON whose names would not pass <see cref="SeriesKey"/>.
/// </summary>
public static class DataUpdatedJson
{
    /// <summary>Longest message accepted; a real one is about 100 bytes.</summary>
    private const int MaxLength = 4_096;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        // A missing or null name is a refusal (JsonException), never a null inside the record.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static string Serialize(DataUpdated message) => JsonSerializer.Serialize(message, Options);

    /// <summary>Parses and validates; false for anything that is not a sound message.</summary>
    public static bool TryParse(string? json, out DataUpdated message)
    {
        message = null!;
        if (string.IsNullOrEmpty(json) || json.Length > MaxLength)
        {
            return false;
        }

        DataUpdated? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<DataUpdated>(json, Options);
        }
        catch (JsonException)
        {
            return false;
        }

        if (parsed is null || !Interval.TryParse(parsed.Interval, out var interval) || parsed.From > parsed.To || parsed.Count < 0)
        {
            return false;
        }

        try
        {
            // Same validation as every storage key: a message naming a hostile series is dropped.
            _ = new SeriesKey(parsed.Exchange, parsed.Symbol, interval);
        }
        catch (ArgumentException)
        {
            return false;
        }

        message = parsed;
        return true;
    }
}
