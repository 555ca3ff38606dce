using CandleDashboard.Core.Market;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// The one place that spells chart URLs, so links, redirects and tests agree. The default venue's
/// charts keep the short form (<c>/chart/BTCUSDT/1m</c>, the routes from before there were several
/// exchanges); any other venue's carry it first (<c>/chart/kraken/BTCUSD/1m</c>).
/// </summary>
public static class ChartPaths
{
    public static string For(Venue venue, Series series) => For(venue, series.Symbol, series.Interval);

    public static string For(Venue venue, string symbol, Interval interval) =>
        venue.IsDefault
            ? $"/chart/{Uri.EscapeDataString(symbol)}/{Uri.EscapeDataString(interval.Code)}"
            : $"/chart/{Uri.EscapeDataString(venue.Id)}/{Uri.EscapeDataString(symbol)}/{Uri.EscapeDataString(interval.Code)}";
}
