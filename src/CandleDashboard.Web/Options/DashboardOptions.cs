using CandleDashboard.Core.Market;
using CandleDashboard.Web.Chart;

namespace CandleDashboard.Web.Options;

/// <summary>What the dashboard offers, bound from the <c>Dashboard</c> configuration section.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>Symbols offered in the picker and streamed live; only these can be charted.</summary>
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

    public string EffectiveDefaultSymbol =>
        CandleDashboard.Core.Market.Symbols.TryNormalize(DefaultSymbol, out var s) && EffectiveSymbols.Contains(s) ? s : EffectiveSymbols[0];

    public Interval EffectiveDefaultInterval
    {
        get
        {
            var offered = EffectiveIntervals;
            if (Interval.TryParse(DefaultInterval, out var configured) && offered.Contains(configured))
            {
                return configured;
            }

            return offered.Contains(Interval.OneMinute) ? Interval.OneMinute : offered[0];
        }
    }

    public string DefaultChartPath => ChartPaths.For(EffectiveDefaultSymbol, EffectiveDefaultInterval);
}
