using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// The chart URL's two segments checked against the served series. Anything typed into the
/// address bar lands here, so every outcome is a value with a friendly message, never an exception.
/// </summary>
public sealed record ChartRoute(SeriesCheck Check)
{
    public bool IsValid => Check.IsValid;

    public string Symbol => Check.Symbol;

    /// <summary>The interval when it is offered (also when the symbol is wrong, to keep the pickers on it).</summary>
    public Interval? Interval => Check.Interval;

    public SeriesProblem Problem => Check.Problem;

    public string Message => Check.Message;

    /// <summary>The one spelling of this chart's URL (btcusdt/1H → /chart/BTCUSDT/1h).</summary>
    public string Path => ChartPaths.For(Check.Series);

    public static ChartRoute Resolve(string? symbolText, string? intervalText, SeriesCatalog catalog) =>
        new(catalog.Check(symbolText, intervalText));
}
