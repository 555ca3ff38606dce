using CandleDashboard.Components.Tests.Infrastructure;
using CandleDashboard.Web.Admin.Components;
using CandleDashboard.Web.Admin.Status;

namespace CandleDashboard.Components.Tests.Admin;

/// <summary>The attention chip: a word an operator reads, and a token styles and tests rely on.</summary>
public sealed class AttentionBadgeTests : ComponentTest
{
    [Theory]
    [InlineData(Attention.None, "OK", "ok")]
    [InlineData(Attention.Loading, "Loading", "loading")]
    [InlineData(Attention.NotFull, "Not full", "not-full")]
    [InlineData(Attention.Degraded, "Degraded", "degraded")]
    [InlineData(Attention.StaleFeed, "Stale feed", "stale-feed")]
    [InlineData(Attention.FeedDown, "Feed down", "feed-down")]
    [InlineData(Attention.FetcherError, "Fetcher error", "fetcher-error")]
    public void Shows_the_label_and_test_id_of_the_attention(Attention value, string label, string token)
    {
        var cut = Render<AttentionBadge>(p => p.Add(b => b.Value, value));

        var badge = cut.Find($"[data-testid=attention-{token}]");
        Assert.Equal(label, badge.TextContent.Trim());
        Assert.Contains("attn-badge", badge.ClassList);
        Assert.Contains($"attn-{token}", badge.ClassList);
        Assert.Single(cut.FindAll("[data-testid^=attention-]"));
    }

    [Fact]
    public void Every_attention_value_has_its_own_label_and_token()
    {
        // A new Attention value must not fall through to the enum name or the "unknown" token.
        var seen = Enum.GetValues<Attention>().Select(value =>
        {
            var badge = Render<AttentionBadge>(p => p.Add(b => b.Value, value)).Find(".attn-badge");
            return (Label: badge.TextContent.Trim(), TestId: badge.GetAttribute("data-testid")!);
        }).ToList();

        Assert.Equal(seen.Count, seen.Select(s => s.Label).Distinct().Count());
        Assert.Equal(seen.Count, seen.Select(s => s.TestId).Distinct().Count());
        Assert.DoesNotContain(seen, s => s.TestId == "attention-unknown");
    }
}
