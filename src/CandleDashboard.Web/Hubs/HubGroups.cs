using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Hubs;

/// <summary>The SignalR group of each series: every connection following it is in it.</summary>
public static class HubGroups
{
    /// <summary>
    /// Safe as a key because the series passed <see cref="SeriesCatalog.Check"/> (the symbol is
    /// letters and digits only), so no two series share a group name.
    /// </summary>
    public static string Of(Series series) => $"candles:{series.Symbol}:{series.Interval.Code}";
}
