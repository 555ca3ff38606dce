namespace CandleDashboard.Web.Chart;

/// <summary>A page of candles for the browser's scroll-back (camel-cased by JS interop).</summary>
/// <param name="ReachedStart">Nothing older exists: the browser stops asking for older pages.</param>
/// <param name="ReachedLive">The page after would be the live series: the browser reloads the latest candles instead.</param>
/// <param name="Indicators">The chart's indicators over the page's candles (warmed up on the candles before them).</param>
public sealed record ChartPageJson(IReadOnlyList<ChartCandle> Candles, bool ReachedStart, bool ReachedLive, IReadOnlyList<ChartIndicatorValues> Indicators)
{
    public static ChartPageJson Empty { get; } = new([], ReachedStart: false, ReachedLive: false, []);

    public static ChartPageJson Live { get; } = new([], ReachedStart: false, ReachedLive: true, []);
}
