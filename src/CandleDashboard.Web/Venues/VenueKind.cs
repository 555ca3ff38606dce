namespace CandleDashboard.Web.Venues;

/// <summary>The exchanges the app has an adapter for; a venue's <c>Name</c> in configuration is one of these.</summary>
public enum VenueKind
{
    Binance,
    Kraken,
}
