using CandleDashboard.Core.Market;
using CandleDashboard.Web.Options;

namespace CandleDashboard.Web.Charting;

public enum ChartRouteProblem
{
    None,
    UnknownSymbol,
    UnknownInterval,
}

/// <summary>
/// The chart URL's two segments checked against what the dashboard offers. Anything typed into
/// the address bar lands here, so every outcome is a value with a friendly message, never an exception.
/// </summary>
public sealed record ChartRoute(string Symbol, Interval Interval, ChartRouteProblem Problem, string Message)
{
    public bool IsValid => Problem == ChartRouteProblem.None;

    public string Path => ChartPaths.For(Symbol, Interval);

    public static ChartRoute Resolve(string? symbolText, string? intervalText, DashboardOptions options)
    {
        var symbols = options.EffectiveSymbols;
        var intervals = options.EffectiveIntervals;
        var shownSymbol = Shorten(symbolText);

        // Exact match first: 1m (minute) and 1M (month) differ on exchanges. A wrong-case hour or
        // day (1H, 1D) is unambiguous, so it is accepted and the URL corrected.
        var intervalKnown = Interval.TryParse(intervalText, out var interval)
            || Interval.TryParse(intervalText?.Trim().ToLowerInvariant() is { } lower && !lower.EndsWith('m') ? lower : null, out interval);
        var intervalOffered = intervalKnown && intervals.Contains(interval);

        if (!Symbols.TryNormalize(symbolText, out var symbol) || !symbols.Contains(symbol))
        {
            // Keep a good interval so the pickers and suggestions stay on it.
            return new(shownSymbol, intervalOffered ? interval : default, ChartRouteProblem.UnknownSymbol,
                $"Unknown symbol \"{shownSymbol}\". This dashboard charts {string.Join(", ", symbols)}.");
        }

        if (!intervalKnown)
        {
            return new(symbol, default, ChartRouteProblem.UnknownInterval,
                $"Unknown interval \"{Shorten(intervalText)}\". Choose one of {string.Join(", ", intervals.Select(i => i.Code))}.");
        }

        if (!intervalOffered)
        {
            return new(symbol, default, ChartRouteProblem.UnknownInterval,
                $"The interval \"{interval.Code}\" is not offered here. Choose one of {string.Join(", ", intervals.Select(i => i.Code))}.");
        }

        return new(symbol, interval, ChartRouteProblem.None, "");
    }

    // A hostile or mistyped URL segment is echoed back, but never at unbounded length.
    private static string Shorten(string? text)
    {
        var t = (text ?? "").Trim();
        return t.Length <= 24 ? t : t[..24] + "…";
    }
}
