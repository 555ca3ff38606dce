using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Web.Chart;

namespace CandleDashboard.Web.Tests.Unit;

public sealed class FeedBadgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);

    private static FeedStatus Status(FeedState state) => new(state, 2, 1000, 0, Now);

    [Fact]
    public void Connected_with_a_recent_trade_is_live()
    {
        var badge = FeedBadge.Evaluate(Status(FeedState.Live), Now.AddSeconds(-2), Now, StaleAfter);
        Assert.Equal(FeedBadgeKind.Live, badge.Kind);
        Assert.Equal("live", badge.Label);
        Assert.Equal("badge-live", badge.CssClass);
    }

    [Fact]
    public void Connected_but_silent_symbol_is_stale()
    {
        var badge = FeedBadge.Evaluate(Status(FeedState.Live), Now.AddSeconds(-11), Now, StaleAfter);
        Assert.Equal(FeedBadgeKind.Stale, badge.Kind);
        Assert.Contains("11 s", badge.Detail);
    }

    [Fact]
    public void Connected_without_any_trade_yet_is_stale()
    {
        Assert.Equal(FeedBadgeKind.Stale, FeedBadge.Evaluate(Status(FeedState.Live), null, Now, StaleAfter).Kind);
    }

    [Theory]
    [InlineData(FeedState.Reconnecting, FeedBadgeKind.Reconnecting, "reconnecting")]
    [InlineData(FeedState.Connecting, FeedBadgeKind.Connecting, "connecting")]
    [InlineData(FeedState.Stopped, FeedBadgeKind.Offline, "offline")]
    public void Connection_state_wins_over_trade_recency(FeedState state, FeedBadgeKind kind, string label)
    {
        var badge = FeedBadge.Evaluate(Status(state), Now, Now, StaleAfter);
        Assert.Equal(kind, badge.Kind);
        Assert.Equal(label, badge.Label);
    }
}
