namespace CandleDashboard.Web.Chart;

/// <summary>
/// The zones a chart can show times in: UTC and every IANA zone this machine knows (the same names
/// browsers use). Candles stay on the exchange's UTC grid whatever the zone; only labels change.
/// </summary>
public static class ChartTimeZones
{
    public const string Utc = "UTC";

    private static readonly Lazy<IReadOnlyList<string>> Names = new(() =>
    [
        Utc,
        .. TimeZoneInfo.GetSystemTimeZones()
            .Select(z => z.Id)
            .Where(id => id.Contains('/', StringComparison.Ordinal) && !id.StartsWith("Etc/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal),
    ]);

    /// <summary>UTC first, then IANA names ("Area/City") in order.</summary>
    public static IReadOnlyList<string> All => Names.Value;

    /// <summary>The zone's canonical name when it is one this machine knows, else false.</summary>
    public static bool TryResolve(string? text, out string zone)
    {
        zone = Utc;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }

        if (string.Equals(text, Utc, StringComparison.OrdinalIgnoreCase) || string.Equals(text, "Etc/UTC", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(text, out var found))
        {
            return false;
        }

        zone = found.Id;
        return true;
    }

    /// <summary>A UTC instant as wall-clock time in <paramref name="zone"/>.</summary>
    public static DateTime ToZone(string zone, long epochMs)
    {
        var utc = DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime;
        return zone == Utc || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var tz) ? utc : TimeZoneInfo.ConvertTimeFromUtc(utc, tz);
    }
}
