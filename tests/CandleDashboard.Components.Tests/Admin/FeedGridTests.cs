using CandleDashboard.Components.Tests.Infrastructure;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Web.Admin.Components;
using CandleDashboard.Web.Admin.Status;
using MudBlazor;

namespace CandleDashboard.Components.Tests.Admin;

/// <summary>
/// The per-symbol feed grid: a symbol whose trades stopped while the connection is up is the
/// failure an operator cannot see anywhere else, so its row must stand out.
/// </summary>
public sealed class FeedGridTests : ComponentTest
{
    private static readonly DateTimeOffset Now = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);

    public FeedGridTests()
    {
        Render<MudPopoverProvider>();
    }

    [Fact]
    public void Marks_a_symbol_without_recent_trades_as_a_stale_feed()
    {
        var cut = RenderGrid(
            Row("BTCUSDT", FeedState.Live, tradeAgo: TimeSpan.FromSeconds(2)),
            Row("ETHUSDT", FeedState.Live, tradeAgo: TimeSpan.FromSeconds(45)));

        var fresh = cut.Find("tr.feed-row-BTCUSDT");
        Assert.Contains("attn-ok", fresh.ClassList);
        Assert.DoesNotContain("needs-attention", fresh.ClassList);
        Assert.Equal("2 s ago", cut.Find("[data-testid=feed-age-BTCUSDT]").TextContent);

        var stale = cut.Find("tr.feed-row-ETHUSDT");
        Assert.Contains("attn-stale-feed", stale.ClassList);
        Assert.Contains("needs-attention", stale.ClassList);
        Assert.Equal("Stale feed", stale.QuerySelector("[data-testid=attention-stale-feed]")!.TextContent.Trim());
        Assert.Equal("45 s ago", cut.Find("[data-testid=feed-age-ETHUSDT]").TextContent);
    }

    [Fact]
    public void Marks_every_symbol_as_feed_down_while_the_connection_is_not_live()
    {
        var cut = RenderGrid(
            Row("BTCUSDT", FeedState.Reconnecting, tradeAgo: TimeSpan.FromSeconds(1)),
            Row("ETHUSDT", FeedState.Reconnecting, tradeAgo: null));

        Assert.All(cut.FindAll("tbody tr.feed-row"), row =>
        {
            Assert.Contains("attn-feed-down", row.ClassList);
            Assert.Contains("needs-attention", row.ClassList);
        });
        Assert.Equal(2, cut.FindAll("[data-testid=attention-feed-down]").Count);
        Assert.Equal("no trade yet", cut.Find("[data-testid=feed-age-ETHUSDT]").TextContent);
    }

    [Fact]
    public void Clicking_the_last_trade_header_sorts_by_the_age_of_the_last_trade()
    {
        var cut = RenderGrid(
            Row("ETHUSDT", FeedState.Live, tradeAgo: TimeSpan.FromSeconds(45)),
            Row("BTCUSDT", FeedState.Live, tradeAgo: TimeSpan.FromSeconds(2)),
            Row("SOLUSDT", FeedState.Live, tradeAgo: TimeSpan.FromSeconds(9)));

        var header = cut.FindAll("thead th .column-header").Single(h => h.FirstChild?.TextContent.Trim() == "Last trade");
        (header.QuerySelector(".sortable-column-header") ?? throw new Xunit.Sdk.XunitException("The Last trade column cannot be sorted")).Click();

        cut.WaitForAssertion(() => Assert.Equal(
            ["feed-row-BTCUSDT", "feed-row-SOLUSDT", "feed-row-ETHUSDT"],
            cut.FindAll("tbody tr.feed-row").Select(r => r.ClassList.Single(c => c.StartsWith("feed-row-", StringComparison.Ordinal)))));
    }

    private IRenderedComponent<FeedGrid> RenderGrid(params SymbolFeedRow[] rows) =>
        Render<FeedGrid>(p => p.Add(g => g.Rows, rows));

    // Built the way the admin page builds them, from the symbol's activity and the clock.
    private static SymbolFeedRow Row(string symbol, FeedState connection, TimeSpan? tradeAgo)
    {
        var activity = tradeAgo is { } ago
            ? new SymbolActivity(120, 0, 0, (Now - ago).ToUnixTimeMilliseconds(), 100.5m)
            : null;
        return SymbolFeedRow.From(symbol, connection, activity, tradesPerSecond: 3.5, Now, StaleAfter);
    }
}
