using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.Indicators;
using System.Text.Json;
using CandleDashboard.Components.Tests.Infrastructure;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Core.Storage.InMemory;
using CandleDashboard.Web.Chart;
using CandleDashboard.Web.Components.Layout;
using CandleDashboard.Web.Venues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Components.Tests.Chart;

/// <summary>
/// The chart component with everything around it replaced: known history, a live stream the test
/// pushes into, the real in-memory data_updated bus, a fake clock, and a JS runtime that records
/// the calls into both scripts the chart talks to — Plotly.Blazor's interop module (whole-figure
/// draws) and the chart's own module (the hot path).
/// </summary>
public abstract class CandleChartTest : ComponentTest
{
    protected const string PlotlyInteropModule = "./_content/Plotly.Blazor/plotly-interop-7.2.0.js";
    protected const string ChartModule = "./js/candleChart.js";
    protected const string Symbol = "BTCUSDT";
    protected const int HistoryCandles = 5;

    protected static readonly Interval Interval = Interval.OneMinute;

    /// <summary>Half-way through the forming minute.</summary>
    protected static readonly DateTimeOffset Now = new(2025, 1, 6, 12, 0, 30, TimeSpan.Zero);

    protected static readonly long FormingOpenTime = Interval.Floor(Now.ToUnixTimeMilliseconds());

    private readonly List<(string Identifier, IReadOnlyList<object?> Source, JsonElement[] Arguments)> _sent = [];

    protected CandleChartTest()
    {
        Plotly = JSInterop.SetupModule(PlotlyInteropModule);
        foreach (var drawing in (string[])["newPlot", "react", "relayout", "update"])
        {
            Plotly.SetupVoid(drawing, Snapshot).SetVoidResult();
        }

        Hot = JSInterop.SetupModule(ChartModule);
        Hot.Setup<bool>("whenDrawn", _ => true).SetResult(true); // the browser shows the series
        Hot.Setup<bool>("applyUpdate", _ => true).SetResult(true);
        Hot.Setup<int>("replaceCandles", _ => true).SetResult(0); // in place: no hole filled
        Hot.SetupVoid("forget", _ => true).SetVoidResult();

        // The closed minutes before the forming one: official, except the last two, which the
        // fetcher has not committed yet (built live from trades).
        History.Candles =
        [
            .. Enumerable.Range(0, HistoryCandles).Select(i =>
            {
                var openTime = FormingOpenTime - (HistoryCandles - i) * Interval.Milliseconds;
                return i < HistoryCandles - 2 ? TestCandles.Official(openTime, 101m + i) : TestCandles.LiveClosed(openTime, 101m + i);
            }),
        ];
        Exchange.Listed.Add(new SymbolInfo(Symbol, SymbolStatus.Trading, 0.01m, 0.00001m));

        Services.AddLogging();
        Services.AddSingleton<ILogger<CandleChart>>(Log);
        Services.AddSingleton<IDataUpdatedBus>(Bus);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton(Theme);
        Services.AddSingleton(new VenueDirectory([TestVenue.Create(
            exchange: Exchange, symbols: [Symbol], intervals: [Interval], live: Live, history: History, bus: Bus, clock: Clock, liveDeltas: LiveDeltas)]));
    }

    protected BunitJSModuleInterop Plotly { get; }

    protected BunitJSModuleInterop Hot { get; }

    protected StubCandleHistory History { get; } = new();

    protected StubLiveCandleStream Live { get; } = new();

    protected InMemoryDataUpdatedBus Bus { get; } = new();

    protected StubExchange Exchange { get; } = new() { Name = "test" };

    /// <summary>The venue's live-vs-official log, which the chart reads its figures from.</summary>
    protected LiveDeltaLogSet LiveDeltas { get; } = new([Symbol], [Interval]);

    protected FakeTimeProvider Clock { get; } = new(Now);

    protected ThemeState Theme { get; } = new();

    /// <summary>What the chart logged: its fire-and-forget paths (live updates, recolouring) report failures only here.</summary>
    protected ListLogger<CandleChart> Log { get; } = new();

    protected IRenderedComponent<CandleChart> RenderChart() =>
        Render<CandleChart>(p => p
            .Add(c => c.Symbol, Symbol)
            .Add(c => c.Interval, Interval)
            .Add(c => c.HistoryCount, HistoryCandles));

    protected IRenderedComponent<CandleChart> RenderReadyChart()
    {
        var cut = RenderChart();
        cut.WaitForAssertion(() => Assert.Equal("ready", StateOf(cut)));
        return cut;
    }

    protected static string? StateOf(IRenderedComponent<CandleChart> cut) =>
        cut.Find("[data-testid=candle-chart]").GetAttribute("data-state");

    protected static IReadOnlyList<JSRuntimeInvocation> Calls(BunitJSModuleInterop module, string identifier) =>
        module.Invocations[identifier];

    /// <summary>
    /// Polls until an assertion about the browser calls holds, or fails with its last failure after the
    /// wait timeout. Not <c>cut.WaitForAssertion</c>: that checks again only when the component renders,
    /// and a live tick or an official replacement renders nothing here (the chart module draws them).
    /// </summary>
    protected void WaitForCalls(Action assertion)
    {
        var deadline = DateTime.UtcNow + DefaultWaitTimeout;
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10); // the renderer's thread makes the call; nothing to wait on from here
            }
        }
    }

    /// <summary>
    /// The calls into Plotly.Blazor's module, each with its arguments as the browser received them.
    /// Plotly.Blazor passes lazily evaluated sequences over the chart's live trace list, so they are
    /// serialized when the call is made — reading them later would show the traces as they are now.
    /// </summary>
    protected IReadOnlyList<JsonElement[]> Sent(string identifier)
    {
        lock (_sent)
        {
            var sent = _sent.Where(s => s.Identifier == identifier).Select(s => s.Arguments).ToArray();
            Assert.Equal(Calls(Plotly, identifier).Count, sent.Length); // every call recorded exactly once
            return sent;
        }
    }

    protected static JsonElement AsJson(object? argument) =>
        JsonSerializer.SerializeToElement(argument);

    // bUnit asks a handler whether it takes a call while the call is being made: the moment to
    // serialize. It may ask more than once per call, hence the check on the argument list.
    private bool Snapshot(JSRuntimeInvocation invocation)
    {
        lock (_sent)
        {
            if (!_sent.Any(s => ReferenceEquals(s.Source, invocation.Arguments)))
            {
                _sent.Add((invocation.Identifier, invocation.Arguments, [.. invocation.Arguments.Select(AsJson)]));
            }
        }

        return true;
    }
}
