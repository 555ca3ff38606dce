using AngleSharp.Dom;
using CandleDashboard.Components.Tests.Infrastructure;
using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.Buffers;
using CandleDashboard.Web.Admin.Components;
using CandleDashboard.Web.Admin.Status;
using MudBlazor;

namespace CandleDashboard.Components.Tests.Admin;

/// <summary>
/// The operator's buffer grid: a row per symbol × interval buffer that says whether it needs
/// attention, and the tools to find the ones that do (sort, column filter, problems-only switch).
/// </summary>
public sealed class BufferGridTests : ComponentTest
{
    private static readonly DateTimeOffset Now = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);

    private static readonly BufferRow Full = Row("BTCUSDT", "1m", 300, BufferState.Ready, Attention.None);
    private static readonly BufferRow Short = Row("ETHUSDT", "1m", 120, BufferState.Ready, Attention.NotFull);
    private static readonly BufferRow Loading = Row("SOLUSDT", "5m", 0, BufferState.Loading, Attention.Loading);
    private static readonly BufferRow Broken = Row("ETHUSDT", "1h", 40, BufferState.Degraded, Attention.Degraded, "history request failed");

    public BufferGridTests()
    {
        // Column menus and filter operators are popovers.
        Render<MudPopoverProvider>();
    }

    [Fact]
    public void Renders_one_row_per_buffer_marked_with_its_key_and_attention()
    {
        var cut = RenderGrid(Full, Short, Loading, Broken);

        var rows = cut.FindAll("tbody tr.buffer-row");
        Assert.Equal(["BTCUSDT-1m", "ETHUSDT-1m", "SOLUSDT-5m", "ETHUSDT-1h"], rows.Select(KeyOf));
        Assert.Equal(
            ["buffer-row", "buffer-row-BTCUSDT-1m", "attn-ok"],
            ClassesOf(cut, "BTCUSDT-1m"));
        Assert.Equal(
            ["buffer-row", "buffer-row-ETHUSDT-1m", "attn-not-full", "needs-attention"],
            ClassesOf(cut, "ETHUSDT-1m"));
        Assert.Equal(
            ["buffer-row", "buffer-row-SOLUSDT-5m", "attn-loading"], // loading is expected at startup, not a problem
            ClassesOf(cut, "SOLUSDT-5m"));
        Assert.Equal(
            ["buffer-row", "buffer-row-ETHUSDT-1h", "attn-degraded", "needs-attention"],
            ClassesOf(cut, "ETHUSDT-1h"));

        var broken = cut.Find("tr.buffer-row-ETHUSDT-1h");
        Assert.Equal("40", broken.QuerySelector("[data-testid=buffer-count]")!.TextContent);
        Assert.Equal("Degraded", broken.QuerySelector("[data-testid=buffer-state]")!.TextContent);
        Assert.Equal("history request failed", broken.QuerySelector("[data-testid=buffer-error]")!.TextContent);
        Assert.NotNull(broken.QuerySelector("[data-testid=attention-degraded]"));
    }

    [Fact]
    public void Clicking_the_candles_header_sorts_by_count_ascending_then_descending()
    {
        var cut = RenderGrid(Short, Full, Broken, Loading);

        HeaderOf(cut, "Candles").Click();
        cut.WaitForAssertion(() => Assert.Equal(["0", "40", "120", "300"], Counts(cut)));

        HeaderOf(cut, "Candles").Click();
        cut.WaitForAssertion(() => Assert.Equal(["300", "120", "40", "0"], Counts(cut)));
    }

    [Fact]
    public void The_symbol_filter_shows_only_matching_rows()
    {
        var cut = RenderGrid(Full, Short, Loading, Broken);

        FilterInputOf(cut, "Symbol").Input("eth"); // the grid filters case-insensitively

        cut.WaitForAssertion(() => Assert.Equal(["ETHUSDT-1m", "ETHUSDT-1h"], cut.FindAll("tbody tr.buffer-row").Select(KeyOf)));
    }

    [Fact]
    public void The_problems_only_switch_shows_only_rows_that_need_attention()
    {
        var cut = RenderGrid(Full, Short, Loading, Broken);

        cut.Find("[data-testid=buffer-problems-only]").Change(true);

        cut.WaitForAssertion(() => Assert.Equal(["ETHUSDT-1m", "ETHUSDT-1h"], cut.FindAll("tbody tr.buffer-row").Select(KeyOf)));
        Assert.All(cut.FindAll("tbody tr.buffer-row"), row => Assert.Contains("needs-attention", row.ClassList));

        cut.Find("[data-testid=buffer-problems-only]").Change(false);

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("tbody tr.buffer-row").Count));
    }

    [Fact]
    public void The_problems_only_switch_says_so_when_no_buffer_needs_attention()
    {
        var cut = RenderGrid(Full, Loading);

        cut.Find("[data-testid=buffer-problems-only]").Change(true);

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("tbody tr.buffer-row")));
        Assert.Equal("No buffer needs attention.", cut.Find("tbody").TextContent.Trim());
    }

    [Fact]
    public void An_empty_grid_says_no_buffers_are_configured()
    {
        var cut = RenderGrid();

        Assert.Empty(cut.FindAll("tbody tr.buffer-row"));
        Assert.Equal("No buffers configured.", cut.Find("tbody").TextContent.Trim());
    }

    [Fact]
    public void Shows_live_vs_official_per_series_and_a_dash_before_the_first_replaced_candle()
    {
        var series = new CandleDashboard.Core.Market.Series("BTCUSDT", CandleDashboard.Core.Market.Interval.OneMinute);
        var accuracy = LiveAccuracy.Of(
            series,
            100,
            [new LiveDelta(60_000, 0m, 0m, 0m, 0m, 0m, 0), new LiveDelta(120_000, 0m, 0.01m, 0m, -0.01m, 0.5m, 1), new LiveDelta(180_000, 0m, 0m, 0m, 0m, 0m, 0)],
            comparedSinceStart: 3,
            matchedSinceStart: 2);

        var cut = RenderGrid(Full with { LiveAccuracy = accuracy }, Short);

        Assert.Equal("2 of 3", cut.Find("tr.buffer-row-BTCUSDT-1m [data-testid=buffer-live-matched]").TextContent.Trim());
        Assert.Equal("0.01", cut.Find("tr.buffer-row-BTCUSDT-1m [data-testid=buffer-live-close-difference]").TextContent.Trim());
        Assert.Equal("—", cut.Find("tr.buffer-row-ETHUSDT-1m [data-testid=buffer-live-matched]").TextContent.Trim());
        Assert.Equal("—", cut.Find("tr.buffer-row-ETHUSDT-1m [data-testid=buffer-live-close-difference]").TextContent.Trim());
    }

    private IRenderedComponent<BufferGrid> RenderGrid(params BufferRow[] rows) =>
        Render<BufferGrid>(p => p.Add(g => g.Rows, rows));

    private static BufferRow Row(string symbol, string interval, int count, BufferState state, Attention attention, string? error = null) =>
        new(symbol, interval, interval == "1h" ? 3_600_000 : interval == "5m" ? 300_000 : 60_000, count, 300, count >= 300,
            Now.AddSeconds(-5), "5 s ago", "memory", state, error, attention);

    private static string KeyOf(IElement row) =>
        row.ClassList.Single(c => c.StartsWith("buffer-row-", StringComparison.Ordinal))["buffer-row-".Length..];

    private static string[] ClassesOf(IRenderedComponent<BufferGrid> cut, string key) =>
        [.. cut.Find($"tr.buffer-row-{key}").ClassList.Where(c => !c.StartsWith("mud-", StringComparison.Ordinal))];

    private static string[] Counts(IRenderedComponent<BufferGrid> cut) =>
        [.. cut.FindAll("[data-testid=buffer-count]").Select(c => c.TextContent)];

    // The clickable title of a column, as a user clicks it.
    private static IElement HeaderOf(IRenderedComponent<BufferGrid> cut, string title) =>
        cut.FindAll("thead tr:first-child th").Single(th => TitleOf(th) == title).QuerySelector(".sortable-column-header")
        ?? throw new Xunit.Sdk.XunitException($"The {title} column cannot be sorted");

    // A header's title is its first text: sort index and menu buttons follow it.
    private static string TitleOf(IElement th) => th.QuerySelector(".column-header")?.FirstChild?.TextContent.Trim() ?? "";

    // The filter row sits under the titles; a column's filter is in the cell with the same position.
    private static IElement FilterInputOf(IRenderedComponent<BufferGrid> cut, string title)
    {
        var titles = cut.FindAll("thead tr:first-child th").Select(TitleOf).ToList();
        var column = titles.IndexOf(title);
        Assert.True(column >= 0, $"No {title} column");
        return cut.FindAll("thead tr:nth-child(2) th")[column].QuerySelector("input")
            ?? throw new Xunit.Sdk.XunitException($"The {title} column has no filter");
    }
}
