using CandleDashboard.Core.Market;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// The chart URL's segments checked against the venue's served series. Anything typed into the
/// address bar lands here, so every outcome is a value with a friendly message, never an exception.
/// </summary>
public sealed record ChartRoute(Venue Venue, SeriesCheck Check)
{
    public bool IsValid => Check.IsValid;

    public string Symbol => Check.Symbol;

    /// <summary>The interval when it is offered (also when the symbol is wrong, to keep the pickers on it).</summary>
    public Interval? Interval => Check.Interval;

    public SeriesProblem Problem => Check.Problem;

    public string Message => Check.Message;

    /// <summary>The one spelling of this chart's URL (btcusdt/1H → /chart/BTCUSDT/1h; Kraken/btcusd/1m → /chart/kraken/BTCUSD/1m).</summary>
    public string Path => ChartPaths.For(Venue, Check.Series);

    public static ChartRoute Resolve(Venue venue, string? symbolText, string? intervalText) =>
        new(venue, venue.Catalog.Check(symbolText, intervalText));
}
