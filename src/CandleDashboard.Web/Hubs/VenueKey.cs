using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Hubs;

/// <summary>
/// What a hub follower follows: a series (or an indicator of one) on one venue. The hub's registries are
/// keyed by it, so Kraken's BTCUSD 1m and Binance's are separate keys with their own broadcaster, group
/// and core subscription, and a connection's cap counts its subscriptions on every venue together.
/// </summary>
/// <remarks>
/// A <see cref="Venue"/> is one object per run (the <see cref="VenueDirectory"/>'s), so its reference
/// equality is the venue's identity.
/// </remarks>
public sealed record VenueKey<TKey>(Venue Venue, TKey Key)
    where TKey : notnull
{
    public override string ToString() => $"{Venue.Id} {Key}";
}
