namespace CandleDashboard.Web.Hubs;

/// <summary>
/// The one core subscription behind a hub group (a series' candles, an indicator's values), as the
/// subscription registries hold it.
/// </summary>
internal interface IHubBroadcast : IDisposable
{
    /// <summary>True while (or just after) a follower that stopped reading holds up the group's sends.</summary>
    bool IsStalling { get; }
}
