using CandleDashboard.Components.Tests.Infrastructure;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Chart;
using Microsoft.AspNetCore.Components;

namespace CandleDashboard.Components.Tests.Chart;

/// <summary>
/// The symbol and interval pickers: they list what is offered and turn a choice into one
/// (symbol, interval) request for the page, which navigates — the URL is the chart's state.
/// </summary>
public sealed class ChartToolbarTests : ComponentTest
{
    private static readonly string[] OfferedSymbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT"];
    private static readonly Interval[] OfferedIntervals = [Interval.OneMinute, Interval.FiveMinutes, Interval.OneHour];

    private readonly List<(string Symbol, Interval Interval)> _selected = [];

    [Fact]
    public void Lists_every_offered_symbol_and_interval()
    {
        var cut = RenderToolbar("BTCUSDT", Interval.OneMinute);

        var symbols = cut.FindAll("[data-testid=symbol-select] [data-testid^=symbol-option-]");
        Assert.Equal(OfferedSymbols.Select(s => $"symbol-option-{s}"), symbols.Select(o => o.GetAttribute("data-testid")));
        Assert.Equal(OfferedSymbols, symbols.Select(o => o.TextContent.Trim()));

        var intervals = cut.FindAll("[data-testid=interval-select] [data-testid^=interval-option-]");
        Assert.Equal(OfferedIntervals.Select(i => $"interval-option-{i.Code}"), intervals.Select(o => o.GetAttribute("data-testid")));
    }

    [Fact]
    public void Choosing_a_symbol_keeps_the_current_interval()
    {
        var cut = RenderToolbar("BTCUSDT", Interval.FiveMinutes);

        Choose(cut, "symbol", "ETHUSDT");

        Assert.Equal([("ETHUSDT", Interval.FiveMinutes)], _selected);
    }

    [Fact]
    public void Choosing_a_symbol_while_on_an_interval_not_offered_falls_back_to_the_first_offered_interval()
    {
        // A hand-typed URL can name an interval the picker does not offer; the request must still be a valid series.
        var cut = RenderToolbar("BTCUSDT", Interval.FifteenSeconds);

        Choose(cut, "symbol", "SOLUSDT");

        Assert.Equal([("SOLUSDT", Interval.OneMinute)], _selected);
    }

    [Fact]
    public void Choosing_an_interval_keeps_the_current_symbol()
    {
        var cut = RenderToolbar("ETHUSDT", Interval.OneMinute);

        Choose(cut, "interval", "1h");

        Assert.Equal([("ETHUSDT", Interval.OneHour)], _selected);
    }

    [Fact]
    public void Choosing_an_interval_while_on_a_symbol_not_offered_falls_back_to_the_first_offered_symbol()
    {
        var cut = RenderToolbar("XRPUSDT", Interval.OneMinute);

        Choose(cut, "interval", "5m");

        Assert.Equal([("BTCUSDT", Interval.FiveMinutes)], _selected);
    }

    [Fact]
    public void Choosing_the_current_symbol_or_interval_raises_nothing()
    {
        // Re-selecting what is shown must not reload the chart.
        var cut = RenderToolbar("ETHUSDT", Interval.FiveMinutes);

        Choose(cut, "symbol", "ETHUSDT");
        Choose(cut, "interval", "5m");

        Assert.Empty(_selected);
    }

    [Fact]
    public void A_symbol_not_offered_shows_an_empty_picker()
    {
        var cut = RenderToolbar("XRPUSDT", Interval.OneMinute);

        Assert.Equal("", cut.Find("[data-testid=symbol-picker]").GetAttribute("data-value"));
        // The placeholder, not the unknown symbol: the select's value is the placeholder option's.
        Assert.Equal("", cut.Find("[data-testid=symbol-select]").GetAttribute("value"));
        Assert.Equal("Choose…", cut.Find("[data-testid=symbol-select] option[value='']").TextContent);
        Assert.Equal("1m", cut.Find("[data-testid=interval-picker]").GetAttribute("data-value"));
    }

    [Fact]
    public void An_offered_symbol_is_shown_in_the_picker()
    {
        var cut = RenderToolbar("SOLUSDT", Interval.OneHour);

        Assert.Equal("SOLUSDT", cut.Find("[data-testid=symbol-picker]").GetAttribute("data-value"));
        Assert.Equal("SOLUSDT", cut.Find("[data-testid=symbol-select]").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-testid=symbol-select] option[value='']")); // no placeholder when a symbol is shown
        Assert.Equal("1h", cut.Find("[data-testid=interval-picker]").GetAttribute("data-value"));
    }

    private IRenderedComponent<ChartToolbar> RenderToolbar(string symbol, Interval interval) =>
        Render<ChartToolbar>(p => p
            .Add(t => t.Symbols, OfferedSymbols)
            .Add(t => t.Intervals, OfferedIntervals)
            .Add(t => t.Symbol, symbol)
            .Add(t => t.Interval, interval)
            .Add(t => t.OnSelect, EventCallback.Factory.Create<(string, Interval)>(this, choice => _selected.Add(choice))));

    // Chooses an option the way the browser reports it: a change event carrying the option's value.
    private static void Choose(IRenderedComponent<ChartToolbar> cut, string picker, string value) =>
        cut.Find($"[data-testid={picker}-select]").Change(value);
}
