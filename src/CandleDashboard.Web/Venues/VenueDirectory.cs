using System.Diagnostics.CodeAnalysis;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Chart;

namespace CandleDashboard.Web.Venues;

/// <summary>The venues of this run, the default first; what every edge resolves a requested exchange against.</summary>
public sealed class VenueDirectory
{
    private readonly Dictionary<string, Venue> _byId;

    public VenueDirectory(IReadOnlyList<Venue> venues, string? defaultSymbol = null, string? defaultInterval = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(venues.Count);
        All = venues;
        _byId = venues.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var symbols = Default.Catalog.Symbols;
        DefaultSymbol = Symbols.TryNormalize(defaultSymbol, out var s) && symbols.Contains(s) ? s : symbols[0];
        var intervals = Default.Catalog.Intervals;
        DefaultInterval = Interval.TryParse(defaultInterval, out var i) && intervals.Contains(i) ? i
            : intervals.Contains(Interval.OneMinute) ? Interval.OneMinute : intervals[0];
    }

    public IReadOnlyList<Venue> All { get; }

    /// <summary>The first configured: the short routes and an API call without <c>?exchange=</c> are its.</summary>
    public Venue Default => All[0];

    public string DefaultSymbol { get; }

    /// <summary><c>Dashboard:DefaultInterval</c> when offered, else 1m, else the first interval.</summary>
    public Interval DefaultInterval { get; }

    /// <summary>Where <c>/</c> and the brand link go.</summary>
    /// <summary><c>Dashboard:DefaultSymbol</c> when the default venue offers it, else its first symbol.</summary>
    public string DefaultChartPath => ChartPaths.For(Default, DefaultSymbol, DefaultInterval);

    /// <summary>Case-insensitive; null or empty means the default venue.</summary>
    public bool TryGet(string? id, [NotNullWhen(true)] out Venue? venue)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            venue = Default;
            return true;
        }

        return _byId.TryGetValue(id.Trim().ToLowerInvariant(), out venue);
    }

    /// <summary>For ids the app itself produced; an unknown one is a bug.</summary>
    public Venue Get(string? id) =>
        TryGet(id, out var venue) ? venue : throw new ArgumentException($"No venue '{id}'.", nameof(id));

    /// <summary>The message for an unknown id, naming the offered ones.</summary>
    public string Unknown(string? id) =>
        $"Unknown exchange '{id}'. Offered: {string.Join(", ", All.Select(v => v.Id))}.";
}
