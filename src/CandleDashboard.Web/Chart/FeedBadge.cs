using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;

namespace CandleDashboard.Web.Chart;

public enum FeedBadgeKind
{
    Connecting,
    Live,
    Reconnecting,
    Stale,
    Offline,
}

/// <summary>The status badge next to a chart: the connection state, refined per symbol by trade recency.</summary>
public readonly record struct FeedBadge(FeedBadgeKind Kind, string Label, string Detail)
{
    public string CssClass => "badge-" + Kind.ToString().ToLowerInvariant();

    /// <summary>
    /// A connection can be up while one symbol is silent (halted market, dropped subscription):
    /// "live" therefore also needs a recent trade for the charted symbol.
    /// </summary>
    /// <param name="lastTradeAt">When the newest trade of the symbol arrived, or null before the first.</param>
    public static FeedBadge Evaluate(FeedStatus status, DateTimeOffset? lastTradeAt, DateTimeOffset now, TimeSpan staleAfter) =>
        status.State switch
        {
            FeedState.Connecting => new(FeedBadgeKind.Connecting, "connecting", "Connecting to the exchange"),
            FeedState.Reconnecting => new(FeedBadgeKind.Reconnecting, "reconnecting",
                $"Connection lost; reconnecting (reconnects so far: {status.ReconnectCount})"),
            FeedState.Stopped => new(FeedBadgeKind.Offline, "offline", "The live feed is stopped"),
            _ when lastTradeAt is null => new(FeedBadgeKind.Stale, "stale", "Connected, but no trade received for this symbol yet"),
            _ when now - lastTradeAt.Value > staleAfter => new(FeedBadgeKind.Stale, "stale",
                $"No trade for this symbol for {(int)(now - lastTradeAt.Value).TotalSeconds} s"),
            _ => new(FeedBadgeKind.Live, "live", "Receiving trades"),
        };
}
