using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Chart;

/// <summary>The one place that spells chart URLs, so links, redirects and tests agree.</summary>
public static class ChartPaths
{
    public static string For(Series series) => For(series.Symbol, series.Interval);

    public static string For(string symbol, Interval interval) => $"/chart/{Uri.EscapeDataString(symbol)}/{Uri.EscapeDataString(interval.Code)}";
}
