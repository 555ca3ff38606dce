using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Options;

/// <summary>What the dashboard offers, bound from the <c>Dashboard</c> configuration section.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// The exchanges shown, each with its symbols, the default first (see <see cref="Venues.VenuePlan"/>).
    /// Empty: Binance with <see cref="Symbols"/>, plus Kraken in simulator mode.
    /// </summary>
    public List<Venues.VenueSettings> Exchanges { get; set; } = [];

    /// <summary>The Binance venue's symbols when <see cref="Exchanges"/> does not list its own; only configured symbols can be charted.</summary>
    public List<string> Symbols { get; set; } = [];

    /// <summary>Interval codes offered in the picker (exchange spelling, e.g. <c>15s</c>, <c>1m</c>).</summary>
    public List<string> Intervals { get; set; } = [];

    /// <summary>Candles loaded from history when a chart opens.</summary>
    public int HistoryCandles { get; set; } = 300;

    /// <summary>Where <c>/</c> goes. Empty = the first configured symbol.</summary>
    public string? DefaultSymbol { get; set; }

    /// <summary>Where <c>/</c> goes. Empty = <c>1m</c> when offered, else the first configured interval.</summary>
    public string? DefaultInterval { get; set; }

    /// <summary>A symbol with no trade for this long shows "stale" even when the connection is up.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Fallbacks when the configuration lists nothing (a list bound from configuration can only add, so defaults live here).</summary>
    public static readonly IReadOnlyList<string> DefaultSymbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT"];

    public IReadOnlyList<string> EffectiveSymbols =>
        (Symbols.Count > 0 ? Symbols : DefaultSymbols)
        .Select(s => CandleDashboard.Core.Market.Symbols.TryNormalize(s, out var n) ? n : s)
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The configured intervals parsed; call only after validation (invalid codes throw).</summary>
    public IReadOnlyList<Interval> EffectiveIntervals =>
        Intervals.Count > 0 ? Intervals.Select(Interval.Parse).Distinct().OrderBy(i => i.Milliseconds).ToArray() : Interval.Defaults;

    // The default symbol and interval are resolved against the default venue by VenueDirectory.
}
