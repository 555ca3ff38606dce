using System.Collections.Concurrent;
using CandleDashboard.Benchmarks.Latency;
using CandleDashboard.Core.Market;
using CandleDashboard.Simulator;

namespace CandleDashboard.Benchmarks.Circuits;

/// <summary>
/// <c>circuits --validate</c>: a few emulated tabs next to one real Chromium tab, all on the same
/// chart (BTCUSDT 15s, 20 trades/s per symbol), over the same window. Both sides count live updates
/// per second and the delay from a trade's send to its arrival in the page; for Chromium the delay
/// to the plot showing it is printed too. The harness is valid where the arrival figures agree.
/// </summary>
public static class CircuitValidation
{
    private const int EmulatedTabs = 4;
    private const string Symbol = "BTCUSDT";
    private static readonly Interval ChartInterval = Interval.FifteenSeconds;

    public static async Task<int> RunAsync(TimeSpan window)
    {
        var clock = WallClock.Start();
        await using var exchange = await ExchangeSimulator.StartAsync(new SimulatorOptions { TradesPerSecondPerSymbol = CircuitLoadHarness.TradesPerSecond });
        var trades = new ConcurrentQueue<PublishedTrade>();
        exchange.TradePublished += trades.Enqueue;

        await using var app = await AppProcess.StartAsync(exchange, capPerAddress: 100);
        await using var chromium = await ChromiumSession.LaunchAsync();
        var pageUri = ViewerMix.PageOf(app.Address, Symbol, ChartInterval);
        var browserTab = await ChromiumViewer.OpenAsync(chromium.Browser, pageUri);
        await using var fleet = new ViewerFleet(app.Address, new ViewerMix([Symbol], [ChartInterval]), clock);
        await fleet.GrowToAsync(EmulatedTabs, CancellationToken.None);

        var updatesBefore = await browserTab.UpdatesReceivedAsync();
        var from = clock.NowMs();
        await Task.Delay(window); // the measurement window itself
        var to = clock.NowMs();
        var updates = await browserTab.UpdatesReceivedAsync() - updatesBefore;

        var sent = trades.ToArray();
        var harness = LoadWindow.Of(fleet.Viewers, sent, clock, from, to);
        var received = InWindow(await browserTab.ReceivedAsync(), from, to);
        var drawn = InWindow(await browserTab.DrawnAsync(), from, to);
        await browserTab.CloseAsync();

        Console.WriteLine($"{Symbol} {ChartInterval.Code}, {CircuitLoadHarness.TradesPerSecond} trades/s per symbol, {window.TotalSeconds:0} s window");
        Console.WriteLine($"harness, {EmulatedTabs} emulated tabs: {harness}");
        Console.WriteLine($"Chromium tab, arrival:    updates/s {updates / harness.Seconds:0.00}; delay {Percentiles.Of(ShownCandleMatcher.Match(sent, received, clock, from, Symbol, ChartInterval))}");
        Console.WriteLine($"Chromium tab, plot shows: updates/s {drawn.Count / harness.Seconds:0.00}; delay {Percentiles.Of(ShownCandleMatcher.Match(sent, drawn, clock, from, Symbol, ChartInterval))}");
        return 0;
    }

    private static List<ShownCandle> InWindow(IReadOnlyList<ShownCandle> candles, double from, double to) => [.. candles.Where(c => c.At >= from && c.At < to)];
}
