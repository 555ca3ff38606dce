using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// A page of 1, 2 or 4 charts, as its link carries them: <c>?layout=2h|2v|4</c>, the charts after the
/// first in <c>c2</c>, <c>c3</c>, <c>c4</c> (<c>SYMBOL/interval[/indicators]</c>), and <c>link=1</c> to link
/// the crosshairs by time. Every value is checked against the catalog and the indicator rules; one that
/// does not parse is replaced by a default chart with a message for the page to show.
/// </summary>
public sealed record ChartLayout(ChartLayoutKind Kind, IReadOnlyList<ChartSlot> Slots, bool LinkCrosshairs, IReadOnlyList<string> Problems)
{
    public static ChartLayout Single { get; } = new(ChartLayoutKind.Single, [], false, []);

    /// <summary>Charts on the page, the route's included.</summary>
    public int ChartCount => Kind switch
    {
        ChartLayoutKind.Single => 1,
        ChartLayoutKind.Grid => 4,
        _ => 2,
    };

    public string Code => CodeOf(Kind);

    public static string CodeOf(ChartLayoutKind kind) => kind switch
    {
        ChartLayoutKind.SideBySide => "2h",
        ChartLayoutKind.Stacked => "2v",
        ChartLayoutKind.Grid => "4",
        _ => "1",
    };

    public static ChartLayout Parse(string? layout, IReadOnlyList<string?> slots, string? link, Series first, SeriesCatalog catalog)
    {
        var problems = new List<string>();
        var kind = layout switch
        {
            null or "" or "1" => ChartLayoutKind.Single,
            "2h" => ChartLayoutKind.SideBySide,
            "2v" => ChartLayoutKind.Stacked,
            "4" => ChartLayoutKind.Grid,
            _ => Refuse(problems, $"Unknown layout '{InputEcho.Of(layout)}': showing one chart. Choose 1, 2h (side by side), 2v (stacked) or 4."),
        };

        var parsed = new List<ChartSlot>();
        var wanted = kind switch { ChartLayoutKind.Single => 0, ChartLayoutKind.Grid => 3, _ => 1 };
        for (var k = 0; k < wanted; k++)
        {
            var text = k < slots.Count ? slots[k] : null;
            parsed.Add(string.IsNullOrWhiteSpace(text) ? DefaultSlot(k, first, catalog) : ParseSlot(text, k, first, catalog, problems));
        }

        return new ChartLayout(kind, parsed, link is "1" or "true", problems);
    }

    /// <summary>The same charts shown as <paramref name="kind"/>: slots kept, missing ones filled with defaults.</summary>
    public ChartLayout As(ChartLayoutKind kind, Series first, SeriesCatalog catalog)
    {
        var wanted = kind switch { ChartLayoutKind.Single => 0, ChartLayoutKind.Grid => 3, _ => 1 };
        var slots = Slots.Take(wanted).ToList();
        for (var k = slots.Count; k < wanted; k++)
        {
            slots.Add(DefaultSlot(k, first, catalog));
        }

        return new ChartLayout(kind, slots, LinkCrosshairs, []);
    }

    public ChartLayout WithSlot(int index, ChartSlot slot) =>
        this with { Slots = [.. Slots.Select((s, k) => k == index ? slot : s)], Problems = [] };

    /// <summary>The query parameters this layout sets (and, as null, those it clears), for the address bar.</summary>
    public IReadOnlyDictionary<string, string?> QueryParameters()
    {
        var query = new Dictionary<string, string?>
        {
            ["layout"] = Kind == ChartLayoutKind.Single ? null : Code,
            ["link"] = Kind != ChartLayoutKind.Single && LinkCrosshairs ? "1" : null,
        };
        for (var k = 0; k < 3; k++)
        {
            query[$"c{k + 2}"] = k < Slots.Count ? Slots[k].Text : null;
        }

        return query;
    }

    // Another view of the same market by default: the same symbol at the next served intervals.
    private static ChartSlot DefaultSlot(int k, Series first, SeriesCatalog catalog)
    {
        var others = catalog.Intervals.Where(i => i != first.Interval).ToList();
        var longer = others.Where(i => i.Milliseconds > first.Interval.Milliseconds).Concat(others.Where(i => i.Milliseconds < first.Interval.Milliseconds).Reverse()).ToList();
        var interval = longer.Count == 0 ? first.Interval : longer[Math.Min(k, longer.Count - 1)];
        return new ChartSlot(first.Symbol, interval, ChartIndicators.None);
    }

    private static ChartSlot ParseSlot(string text, int k, Series first, SeriesCatalog catalog, List<string> problems)
    {
        var parts = text.Split('/', 3);
        var check = catalog.Check(parts[0], parts.Length > 1 ? parts[1] : null);
        if (!check.IsValid)
        {
            problems.Add($"Chart {k + 2}: {check.Message} Showing {DefaultSlot(k, first, catalog).Text} instead.");
            return DefaultSlot(k, first, catalog);
        }

        var indicators = ChartIndicators.Parse(parts.Length > 2 ? parts[2] : null);
        problems.AddRange(indicators.Problems.Select(p => $"Chart {k + 2}: {p}"));
        return new ChartSlot(check.Series.Symbol, check.Series.Interval, indicators with { Problems = [] });
    }

    private static ChartLayoutKind Refuse(List<string> problems, string message)
    {
        problems.Add(message);
        return ChartLayoutKind.Single;
    }
}
