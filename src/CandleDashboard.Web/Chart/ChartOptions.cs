using Microsoft.JSInterop;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// Per-chart settings the browser module keeps (see <c>candleChart.js</c>, <c>track</c>): price label
/// decimals, how many candles to hold, the time zone and price scale to show, the server's clock
/// (the countdown runs on it, not on the browser's), the range to show first (null: the latest
/// candles), the component to ask for older pages, and whether the page links its charts' crosshairs.
/// </summary>
public sealed record ChartOptions(
    string Symbol,
    string Interval,
    long IntervalMs,
    int PriceDecimals,
    int MaxCandles,
    string Zone,
    string Scale,
    long ServerNow,
    ChartRange? View,
    DotNetObjectReference<CandleChart>? Dotnet,
    bool LinkCrosshairs = false);
