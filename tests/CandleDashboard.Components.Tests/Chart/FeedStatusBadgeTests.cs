using CandleDashboard.Components.Tests.Infrastructure;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Web.Chart;
using CandleDashboard.Web.Options;
using CandleDashboard.Web.Venues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace CandleDashboard.Components.Tests.Chart;

/// <summary>
/// The feed badge next to the chart: live only while the connection is up AND the charted symbol
/// trades; it turns stale by time passing alone (its own timer), and a click explains it.
/// </summary>
public sealed class FeedStatusBadgeTests : ComponentTest
{
    private const string Symbol = "BTCUSDT";
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 1, 6, 12, 0, 0, TimeSpan.Zero));
    private readonly StubExchange _exchange = new();
    private readonly StubLiveCandleStream _live = new();

    public FeedStatusBadgeTests()
    {
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton(new VenueDirectory([TestVenue.Create(exchange: _exchange, live: _live, clock: _clock)]));
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new DashboardOptions { StaleAfter = StaleAfter }));
    }

    [Fact]
    public void Is_live_with_a_recent_trade_on_a_live_connection()
    {
        TradedAgo(TimeSpan.FromSeconds(1));

        var badge = RenderBadge().Find("[data-testid=feed-status]");

        Assert.Equal("live", badge.GetAttribute("data-state"));
        Assert.Equal("live", badge.TextContent.Trim());
        Assert.Contains("badge-live", badge.ClassList);
    }

    [Fact]
    public void Turns_stale_when_no_trade_arrives_for_longer_than_stale_after()
    {
        TradedAgo(TimeSpan.FromSeconds(1));
        var cut = RenderBadge();
        Assert.Equal("live", State(cut));

        // Nothing but time passes: the badge's own one-second timer must notice.
        _clock.Advance(StaleAfter);

        cut.WaitForAssertion(() => Assert.Equal("stale", State(cut)));
        Assert.Equal("No trade for this symbol for 11 s", cut.Find("[data-testid=feed-status]").GetAttribute("title"));
    }

    [Fact]
    public void Stays_live_while_trades_keep_arriving()
    {
        TradedAgo(TimeSpan.Zero);
        var cut = RenderBadge();

        for (var second = 0; second < 15; second++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            TradedAgo(TimeSpan.Zero);
        }

        Assert.Equal("live", State(cut));
    }

    [Fact]
    public void Is_stale_on_a_live_connection_before_the_symbols_first_trade()
    {
        Assert.Equal("stale", State(RenderBadge()));
    }

    [Theory]
    [InlineData(FeedState.Connecting, "connecting")]
    [InlineData(FeedState.Reconnecting, "reconnecting")]
    [InlineData(FeedState.Stopped, "offline")]
    public void Shows_the_connection_state_when_the_connection_is_not_live(FeedState state, string expected)
    {
        TradedAgo(TimeSpan.FromSeconds(1)); // a recent trade does not make a dropped connection live
        _exchange.Status = new FeedStatus(state, 3, 100, 0, _clock.GetUtcNow());

        var badge = RenderBadge().Find("[data-testid=feed-status]");

        Assert.Equal(expected, badge.GetAttribute("data-state"));
        Assert.Equal(expected, badge.TextContent.Trim());
    }

    [Fact]
    public void Follows_the_connection_as_it_drops_and_comes_back()
    {
        TradedAgo(TimeSpan.Zero);
        var cut = RenderBadge();

        _exchange.Status = new FeedStatus(FeedState.Reconnecting, 1, 100, 0, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal("reconnecting", State(cut)));

        _exchange.Status = new FeedStatus(FeedState.Live, 1, 100, 0, _clock.GetUtcNow());
        TradedAgo(TimeSpan.Zero);
        _clock.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal("live", State(cut)));
    }

    [Fact]
    public void Clicking_the_badge_opens_the_details_with_the_feed_state_and_the_symbols_trades()
    {
        var dialogs = Render<MudDialogProvider>();
        _exchange.Status = new FeedStatus(FeedState.Reconnecting, 4, 1000, 2, _clock.GetUtcNow().AddSeconds(-3));
        _live.Activity[Symbol] = new SymbolActivity(42, 1, 0, _clock.GetUtcNow().AddSeconds(-3).ToUnixTimeMilliseconds(), 100m);
        _live.Activity["ETHUSDT"] = new SymbolActivity(7, 0, 0, _clock.GetUtcNow().ToUnixTimeMilliseconds(), 5m);
        var cut = RenderBadge();
        Assert.Empty(dialogs.FindAll("[data-testid=feed-details-state]"));

        cut.Find("[data-testid=feed-status]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("Reconnecting", dialogs.Find("[data-testid=feed-details-state]").TextContent));
        Assert.Equal("42", dialogs.Find("[data-testid=feed-details-trades]").TextContent); // this symbol's, not another's
        Assert.Contains("Binance feed · BTCUSDT", dialogs.Markup);
    }

    private IRenderedComponent<FeedStatusBadge> RenderBadge() =>
        Render<FeedStatusBadge>(p => p.Add(b => b.Symbol, Symbol));

    private void TradedAgo(TimeSpan ago) =>
        _live.Activity[Symbol] = new SymbolActivity(10, 0, 0, (_clock.GetUtcNow() - ago).ToUnixTimeMilliseconds(), 100m);

    private static string? State(IRenderedComponent<FeedStatusBadge> cut) =>
        cut.Find("[data-testid=feed-status]").GetAttribute("data-state");
}
