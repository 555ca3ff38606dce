using System.Text.Json;
using System.Text.Json.Serialization;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;

namespace CandleDashboard.Storage.Redis;

/// <summary>
/// The wire form of <see cref="DataUpdated"/> on the <c>data_updated</c> channel:
/// <c>{"exchange":"binance","symbol":"BTCUSDT","interval":"1m","from":…,"to":…,"count":…}</c>.
/// Anything else on the channel (another app, an old version, an attacker with Redis access) is
/// rejected here, including well-formed JSON whose names would not pass <see cref="SeriesKey"/>.
/// </summary>
public static class DataUpdatedJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static string Serialize(DataUpdated message) =>
        JsonSerializer.Serialize(new Wire(message.Exchange, message.Symbol, message.Interval, message.From, message.To, message.Count), Options);

    /// <summary>Parses and validates; false for anything that is not a sound message.</summary>
    public static bool TryParse(string? json, out DataUpdated message)
    {
        message = null!;
        if (string.IsNullOrEmpty(json) || json.Length > 4_096)
        {
            return false;
        }

        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<Wire>(json, Options);
        }
        catch (JsonException)
        {
            return false;
        }

        if (wire is not { Exchange: not null, Symbol: not null, Interval: not null }
            || !Interval.TryParse(wire.Interval, out var interval)
            || wire.From > wire.To
            || wire.Count < 0)
        {
            return false;
        }

        try
        {
            // Same validation as every storage key: a message naming a hostile series is dropped.
            _ = new SeriesKey(wire.Exchange, wire.Symbol, interval);
        }
        catch (ArgumentException)
        {
            return false;
        }

        message = new DataUpdated(wire.Exchange, wire.Symbol, wire.Interval, wire.From, wire.To, wire.Count);
        return true;
    }

    private sealed record Wire(string? Exchange, string? Symbol, string? Interval, long From, long To, int Count);
}
