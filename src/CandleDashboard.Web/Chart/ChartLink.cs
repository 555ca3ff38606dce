using System.Globalization;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// The view part of a chart URL: <c>?tz=&amp;scale=&amp;from=&amp;to=</c>. Links round-trip through it,
/// so a shared link shows what the sender saw. Anything typed into the address bar lands here, so
/// every value is checked; one that does not parse is dropped with a message for the page to show.
/// </summary>
public sealed record ChartLink(string? Zone, PriceScale? Scale, ChartRange? View, IReadOnlyList<string> Problems)
{
    public static ChartLink Parse(string? tz, string? scale, string? from, string? to)
    {
        var problems = new List<string>();
        string? zone = null;
        if (!string.IsNullOrEmpty(tz))
        {
            if (ChartTimeZones.TryResolve(tz, out var resolved))
            {
                zone = resolved;
            }
            else
            {
                problems.Add($"Unknown time zone '{EchoZone(tz)}': showing UTC. Use an IANA name such as Europe/London, or UTC.");
                zone = ChartTimeZones.Utc;
            }
        }

        PriceScale? priceScale = null;
        if (!string.IsNullOrEmpty(scale))
        {
            if (PriceScales.TryParse(scale, out var parsed))
            {
                priceScale = parsed;
            }
            else
            {
                problems.Add($"Unknown price scale '{InputEcho.Of(scale)}': showing linear. Choose linear, log or percent.");
            }
        }

        ChartRange? view = null;
        if (!string.IsNullOrEmpty(from) || !string.IsNullOrEmpty(to))
        {
            if (TryParseTime(from, out var start) && TryParseTime(to, out var end) && end > start)
            {
                view = new ChartRange(start, end);
            }
            else
            {
                problems.Add("The link's range (from, to) was not understood: showing the latest candles. Expected two times such as 2026-10-24T12:00Z, from before to.");
            }
        }

        return new ChartLink(zone, priceScale, view, problems);
    }

    // Zone names have slashes (Area/City), which the shared echo masks; each part is echoed as usual.
    private static string EchoZone(string text) => string.Join('/', text.Split('/', 4).Select(InputEcho.Of));

    /// <summary>An ISO 8601 time (UTC when it names no offset) or epoch milliseconds.</summary>
    public static bool TryParseTime(string? text, out long epochMs)
    {
        epochMs = 0;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out epochMs))
        {
            return epochMs > 0;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            epochMs = time.ToUnixTimeMilliseconds();
            return epochMs > 0;
        }

        return false;
    }

    /// <summary>The query for a chart shown with <paramref name="display"/> (zone and scale; no range, which only the browser knows).</summary>
    public static string Query(ChartDisplay display)
    {
        var query = "?tz=" + Uri.EscapeDataString(display.Zone);
        return display.Scale == PriceScale.Linear ? query : query + "&scale=" + display.Scale.Code();
    }
}
