namespace CandleDashboard.Web.Hubs;

/// <summary>Limits of the public hub, bound from the <c>Hub</c> configuration section.</summary>
public sealed class CandleHubOptions
{
    public const string SectionName = "Hub";

    /// <summary>
    /// Series one connection may follow at once. Bounds what a single client can make the server
    /// fan out (and keep core subscriptions alive for).
    /// </summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 20;
}
