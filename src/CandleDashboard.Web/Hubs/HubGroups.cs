using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Hubs;

/// <summary>The SignalR group of each series on this app instance: every connection of this instance following it is in it.</summary>
/// <remarks>
/// One group per series <em>and instance</em>, because every instance produces a series' messages
/// itself: its own live candles from the exchange feed, and every data_updated from the Redis
/// channel. With the Redis backplane (several instances) a group spans all instances, so a group
/// shared by them would hand each follower one copy per instance that has followers of the series;
/// a group per instance hands it exactly one, from the instance it is connected to.
/// </remarks>
public sealed class HubGroups
{
    // Random, not a host name or process id: two instances can share either (tests run two in one process).
    private readonly string _instance = Guid.NewGuid().ToString("N");

    /// <summary>
    /// Safe as a key because the series passed <see cref="SeriesCatalog.Check"/> (the symbol is
    /// letters and digits only) and a venue id is a <see cref="VenueKind"/> name, so no two
    /// series share a group name. The venue is in every name: two venues may list the same symbol, and
    /// one venue's followers must never get the other's candles.
    /// </summary>
    public string Of(VenueKey<Series> series) => $"candles:{series.Venue.Id}:{Name(series.Key)}@{_instance}";

    /// <summary>An indicator's group; its canonical text (<c>bollinger(20,2)</c>) names one spec only.</summary>
    public string Of(VenueKey<IndicatorKey> key) => $"indicators:{key.Venue.Id}:{Name(key.Key.Series)}:{key.Key.Spec.Text}@{_instance}";

    private static string Name(Series series) => $"{series.Symbol}:{series.Interval.Code}";
}
