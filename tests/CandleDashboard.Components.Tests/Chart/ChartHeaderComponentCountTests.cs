using CandleDashboard.Components.Tests.Infrastructure;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Chart;
using CandleDashboard.Web.Components.Layout;
using CandleDashboard.Web.Options;
using CandleDashboard.Web.Venues;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace CandleDashboard.Components.Tests.Chart;

/// <summary>
/// How many components an idle chart viewer's header holds: the layout's providers and theme switch and
/// the page's toolbar, indicator picker, layout picker, settings and feed badge, with no panel open.
/// Every component is a render buffer (at least 32 frames) in the server's memory for every viewer
/// (docs/benchmarks.md "What a viewer's memory is"), so the count is pinned: a closed panel or a
/// tooltip that brings its components back into every circuit fails here, not in a heap dump.
/// </summary>
public sealed class ChartHeaderComponentCountTests : ComponentTest
{
    // Measured when the panels came to exist only while open and the theme switch lost its MudTooltip:
    // 29 before (the closed panels' popovers and overlays, the tooltip's popover), 19 after.
    private const int IdleHeaderComponents = 19;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 1, 6, 12, 0, 0, TimeSpan.Zero));

    public ChartHeaderComponentCountTests()
    {
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton(new VenueDirectory([TestVenue.Create(clock: _clock)]));
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new DashboardOptions()));
    }

    [Fact]
    public void An_idle_chart_header_holds_no_more_components_than_pinned()
    {
        var header = RenderIdleHeader();

        Assert.Equal(IdleHeaderComponents, header.Sum(CountComponents));
    }

    [Fact]
    public void The_settings_panel_exists_only_while_open()
    {
        var header = RenderIdleHeader();
        var settings = Render<ChartSettings>(p => p.Add(s => s.Display, ChartDisplay.Default));
        var provider = header[0];
        Assert.Empty(provider.FindAll("[data-testid=settings-panel]"));

        settings.Find("[data-testid=settings-toggle]").Click();
        provider.WaitForAssertion(() => Assert.Single(provider.FindAll("[data-testid=settings-panel]")));

        settings.Find("[data-testid=settings-toggle]").Click();
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=settings-panel]")));
    }

    [Fact]
    public void The_indicator_panel_exists_only_while_open_and_keeps_the_chosen_kind()
    {
        var header = RenderIdleHeader();
        var picker = Render<IndicatorPicker>(p => p.Add(i => i.Shown, ChartIndicators.None));
        var provider = header[0];
        Assert.Empty(provider.FindAll("[data-testid=indicator-panel]"));

        picker.Find("[data-testid=indicator-add-toggle]").Click();
        provider.WaitForAssertion(() => Assert.Single(provider.FindAll("[data-testid=indicator-panel]")));
        provider.Find("[data-testid=indicator-kind]").Change("rsi");
        picker.Find("[data-testid=indicator-add-toggle]").Click();
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=indicator-panel]")));

        picker.Find("[data-testid=indicator-add-toggle]").Click();
        provider.WaitForAssertion(() => Assert.Equal("rsi", provider.Find("[data-testid=indicator-panel] form").GetAttribute("data-kind")));
    }

    // What the chart page and its layout put in the header, as MainLayout and ChartPage render it on a
    // chart of one venue; the providers first, since the popovers render into them.
    private List<IRenderedComponent<IComponent>> RenderIdleHeader() =>
    [
        Render<MudPopoverProvider>(),
        Render<MudDialogProvider>(),
        Render<ThemeToggle>(p => p.Add(t => t.IsDark, true)),
        Render<ChartToolbar>(p => p
            .Add(t => t.Symbols, ["BTCUSDT", "ETHUSDT"])
            .Add(t => t.Intervals, [Interval.OneMinute, Interval.FiveMinutes])
            .Add(t => t.Symbol, "BTCUSDT")
            .Add(t => t.Interval, Interval.OneMinute)),
        Render<IndicatorPicker>(p => p.Add(i => i.Shown, ChartIndicators.None)),
        Render<LayoutPicker>(p => p.Add(l => l.Layout, ChartLayout.Single)),
        Render<ChartSettings>(p => p.Add(s => s.Display, ChartDisplay.Default)),
        Render<FeedStatusBadge>(p => p.Add(b => b.Symbol, "BTCUSDT")),
    ];

    // The rendered component itself and every component below it.
    private static int CountComponents(IRenderedComponent<IComponent> root) => 1 + root.FindComponents<IComponent>().Count;
}
