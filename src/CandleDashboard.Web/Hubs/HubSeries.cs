using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Hubs;

/// <summary>One validated series (normalized symbol × configured interval) as the hub tracks it.</summary>
public readonly record struct HubSeries(string Symbol, Interval Interval)
{
    /// <summary>
    /// The SignalR group of the series. Safe as a key because the symbol passed the pattern check
    /// (letters and digits only), so no two series share a group name.
    /// </summary>
    public string GroupName => $"candles:{Symbol}:{Interval.Code}";

    public override string ToString() => $"{Symbol} {Interval.Code}";
}
