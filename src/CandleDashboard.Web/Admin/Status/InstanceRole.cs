using CandleDashboard.Web.ScaleOut;

namespace CandleDashboard.Web.Admin.Status;

/// <summary>
/// What this instance does for the venue, as the admin page shows it: with several instances, only the leader
/// holds the exchange's connection and runs the fetcher, so a follower's fetcher tile is expected to be idle.
/// </summary>
public sealed record InstanceRole(bool Leads, string Value, string Detail)
{
    public static InstanceRole Of(VenueLeadership leadership, DateTimeOffset now) => leadership.IsLeader
        ? new InstanceRole(true, "Leader", $"holds the exchange connection and runs the fetcher; since {RelativeTime.Format(leadership.LeaderSince, now)} · {leadership.Terms} term(s)")
        : new InstanceRole(false, "Follower", "shows the leading instance's live candles (relayed through Redis); its fetcher runs there");
}
