using CandleDashboard.Components.Tests.Infrastructure;
using CandleDashboard.Web.Admin.Components;
using CandleDashboard.Web.Admin.Status;

namespace CandleDashboard.Components.Tests.Admin;

/// <summary>A summary figure at the top of the console: what it says, and whether it asks for attention.</summary>
public sealed class StatusTileTests : ComponentTest
{
    [Fact]
    public void Shows_label_value_and_detail()
    {
        var cut = RenderTile(Attention.None, detail: "of 8 configured", detailTitle: "BTCUSDT, ETHUSDT");

        var tile = cut.Find("[data-testid=buffers-tile]");
        Assert.Equal("Buffers ready", tile.QuerySelector(".status-tile-label")!.TextContent);
        Assert.Equal("8", cut.Find("[data-testid=buffers-tile-value]").TextContent);
        var detail = tile.QuerySelector(".status-tile-detail")!;
        Assert.Equal("of 8 configured", detail.TextContent);
        Assert.Equal("BTCUSDT, ETHUSDT", detail.GetAttribute("title"));
    }

    [Fact]
    public void Leaves_the_detail_out_when_there_is_none()
    {
        var cut = RenderTile(Attention.None, detail: null);

        Assert.Null(cut.Find("[data-testid=buffers-tile]").QuerySelector(".status-tile-detail"));
    }

    [Theory]
    [InlineData(Attention.NotFull, "attn-not-full")]
    [InlineData(Attention.Degraded, "attn-degraded")]
    [InlineData(Attention.StaleFeed, "attn-stale-feed")]
    [InlineData(Attention.FeedDown, "attn-feed-down")]
    [InlineData(Attention.FetcherError, "attn-fetcher-error")]
    public void A_problem_marks_the_tile_with_needs_attention_and_its_token(Attention attention, string token)
    {
        var classes = RenderTile(attention).Find("[data-testid=buffers-tile]").ClassList;

        Assert.Contains("status-tile", classes);
        Assert.Contains("needs-attention", classes);
        Assert.Contains(token, classes);
    }

    [Theory]
    [InlineData(Attention.None)]
    [InlineData(Attention.Loading)] // expected at startup: shown elsewhere, not flagged
    public void No_problem_leaves_the_tile_unmarked(Attention attention)
    {
        var classes = RenderTile(attention).Find("[data-testid=buffers-tile]").ClassList;

        Assert.Contains("status-tile", classes);
        Assert.DoesNotContain("needs-attention", classes);
        Assert.DoesNotContain(classes, c => c.StartsWith("attn-", StringComparison.Ordinal));
    }

    private IRenderedComponent<StatusTile> RenderTile(Attention attention, string? detail = "detail", string? detailTitle = null) =>
        Render<StatusTile>(p => p
            .Add(t => t.Label, "Buffers ready")
            .Add(t => t.Value, "8")
            .Add(t => t.Detail, detail)
            .Add(t => t.DetailTitle, detailTitle)
            .Add(t => t.TestId, "buffers-tile")
            .Add(t => t.Attention, attention));
}
