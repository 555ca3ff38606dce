using CandleDashboard.Web.Security;

namespace CandleDashboard.Web.Hubs;

/// <summary>Limits of the Blazor circuits (chart tabs), bound from the <c>Circuits</c> configuration section.</summary>
public sealed class CircuitLimitOptions
{
    public const string SectionName = "Circuits";

    /// <summary>
    /// Circuits one client address (<see cref="ClientPartitionKey"/>) may hold connected at once.
    /// Each holds server memory and live subscriptions; a household or office behind one address
    /// rarely has more than a few chart tabs open.
    /// </summary>
    public int MaxPerAddress { get; set; } = 20;
}
