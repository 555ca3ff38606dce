using CandleDashboard.Components.Tests.Infrastructure;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Admin.Components;
using CandleDashboard.Web.Admin.Status;
using CandleDashboard.Web.Persistence;

namespace CandleDashboard.Components.Tests.Admin;

/// <summary>The retention section of the console: per interval, what is kept and what the last run did.</summary>
public sealed class RetentionTableTests : ComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Shows_keep_last_run_rows_deleted_and_cutoff_per_interval()
    {
        var cutoff = (Now - TimeSpan.FromDays(2) - TimeSpan.FromMinutes(5)).ToUnixTimeMilliseconds();
        var cut = RenderTable(
            new RetentionRun(Interval.OneSecond, TimeSpan.FromDays(2), Now - TimeSpan.FromMinutes(5), 1234, cutoff, null),
            new RetentionRun(Interval.OneMinute, TimeSpan.FromHours(36), null, null, null, null));

        var seconds = cut.Find("[data-testid=retention-1s]");
        Assert.DoesNotContain("needs-attention", seconds.ClassList);
        Assert.Equal(["1s", "2 d", "5 min 0 s ago", "1234", "2025-12-30 11:55:00 UTC", ""], seconds.QuerySelectorAll("td").Select(td => td.TextContent));

        var minutes = cut.Find("[data-testid=retention-1m]");
        Assert.Equal(["1m", "36 h", "never", "—", "—", ""], minutes.QuerySelectorAll("td").Select(td => td.TextContent));
    }

    [Fact]
    public void A_failed_run_shows_its_error_and_asks_for_attention()
    {
        var cut = RenderTable(new RetentionRun(Interval.FifteenSeconds, TimeSpan.FromDays(7), Now, null, 0, "connection refused"));

        var row = cut.Find("[data-testid=retention-15s]");
        Assert.Contains("needs-attention", row.ClassList);
        Assert.Equal("connection refused", row.QuerySelectorAll("td")[^1].TextContent);
    }

    [Fact]
    public void Says_so_when_nothing_is_pruned()
    {
        var cut = Render<RetentionTable>(p => p.Add(t => t.Rows, []));

        Assert.Equal("No retention configured: every candle is kept.", cut.Find("[data-testid=retention-none]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=retention-table]"));
    }

    private IRenderedComponent<RetentionTable> RenderTable(params RetentionRun[] runs) =>
        Render<RetentionTable>(p => p.Add(t => t.Rows, runs.Select(r => RetentionRow.From(r, Now)).ToArray()));
}
