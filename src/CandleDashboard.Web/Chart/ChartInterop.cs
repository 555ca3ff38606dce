using Microsoft.JSInterop;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// The chart's own calls into <c>wwwroot/js/candleChart.js</c>: waiting until Plotly.Blazor has
/// drawn a series, then the hot path (one small call per live update, official candles replaced in
/// place). Everything that draws a whole figure goes through Plotly.Blazor instead.
/// </summary>
public sealed class ChartInterop(IJSRuntime js) : IAsyncDisposable
{
    /// <summary>How long a first draw may take (plotly still loading on a slow connection) before the chart reports failure.</summary>
    public static readonly TimeSpan DrawTimeout = TimeSpan.FromSeconds(20);

    private Task<IJSObjectReference>? _module;

    // A failed import is not kept: "Try again" must be able to load the module.
    private Task<IJSObjectReference> Module =>
        _module is { IsFaulted: false, IsCanceled: false } loading
            ? loading
            : _module = js.InvokeAsync<IJSObjectReference>("import", "./js/candleChart.js").AsTask();

    /// <summary>Starts loading the module now, so the first call after the history load does not wait for it.</summary>
    public void Preload() => _ = Module;

    /// <summary>True once the plot element shows <paramref name="expected"/>; false when it did not within <see cref="DrawTimeout"/>.</summary>
    public async Task<bool> WhenDrawnAsync(string plotId, DrawnSeries expected, ChartOptions options, CancellationToken cancellationToken) =>
        await (await Module).InvokeAsync<bool>("whenDrawn", cancellationToken, plotId, expected, options, DrawTimeout.TotalMilliseconds);

    /// <summary>
    /// Patches the changed or new candle, and the indicators' values that came with it in the same redraw;
    /// false when the plot no longer shows a tracked series.
    /// </summary>
    public async Task<bool> ApplyUpdateAsync(string plotId, ChartCandle candle, IReadOnlyList<ChartIndicatorValues>? indicators = null) =>
        await (await Module).InvokeAsync<bool>("applyUpdate", plotId, candle, indicators);

    /// <summary>
    /// The forming candle while the browser shows the past without it (scrolled back beyond what it
    /// holds): only the readout shows it, with the close before it for the change.
    /// </summary>
    public async Task ShowFormingAsync(string plotId, ChartCandle candle, decimal? previousClose) =>
        await (await Module).InvokeAsync<bool>("showForming", plotId, candle, previousClose);

    /// <summary>Draws exactly these indicators with their values so far (the view stays).</summary>
    public async Task SetIndicatorsAsync(string plotId, IReadOnlyList<ChartIndicatorJson> indicators) =>
        await (await Module).InvokeAsync<bool>("setIndicators", plotId, indicators);

    /// <summary>How drawn official candles compared with the live ones they replaced (the legend shows it per candle).</summary>
    public async Task SetLiveDeltasAsync(string plotId, IReadOnlyList<ChartLiveDelta> deltas) =>
        await (await Module).InvokeAsync<bool>("setLiveDeltas", plotId, deltas);

    /// <summary>New indicator values that came without a live candle (official replacements).</summary>
    public async Task ApplyIndicatorValuesAsync(string plotId, IReadOnlyList<ChartIndicatorValues> values) =>
        await (await Module).InvokeAsync<bool>("applyIndicatorValues", plotId, values);

    /// <summary>Replaces drawn candles with official ones in place; returns how many filled holes.</summary>
    public async Task<int> ReplaceCandlesAsync(string plotId, IReadOnlyList<ChartCandle> candles) =>
        await (await Module).InvokeAsync<int>("replaceCandles", plotId, candles);

    /// <summary>Relabels and refits the drawn chart for another time zone or price scale (data and view stay).</summary>
    public async Task SetDisplayAsync(string plotId, ChartDisplay display) =>
        await (await Module).InvokeAsync<bool>("setDisplay", plotId, display.Zone, display.Scale.Code());

    /// <summary>
    /// Takes over the plot the page drew from its first response when it shows <paramref name="seriesKey"/>
    /// (<see cref="FirstPaint.KeyOf"/>), moving it into this chart's host element; null when there is none.
    /// </summary>
    /// <param name="recent">The newest loaded candles: held ones that differ (turned official since) are put right in place.</param>
    public async Task<FirstPaintDrawn?> AdoptFirstPaintAsync(string plotId, string seriesKey, ChartOptions options, IReadOnlyList<ChartCandle> recent, CancellationToken cancellationToken) =>
        await (await Module).InvokeAsync<FirstPaintDrawn?>("adoptFirstPaint", cancellationToken, plotId, seriesKey, options, recent);

    /// <summary>Lets the first paint's plot go (nothing will adopt it); the skeleton gives way to the page.</summary>
    public async Task ReleaseFirstPaintAsync() => await (await Module).InvokeVoidAsync("releaseFirstPaint");

    /// <summary>A layout patch through Plotly.update, for a plot Plotly.Blazor did not draw (an adopted one).</summary>
    public async Task UpdateLayoutAsync(string plotId, IReadOnlyDictionary<string, object> patch) =>
        await (await Module).InvokeAsync<bool>("updateLayout", plotId, patch);

    /// <summary>Stops the hot path for a plot whose series is being replaced.</summary>
    public async Task ForgetAsync(string plotId) => await (await Module).InvokeVoidAsync("forget", plotId);

    public async ValueTask DisposeAsync()
    {
        if (_module is { IsCompletedSuccessfully: true } loaded)
        {
            try
            {
                await loaded.Result.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The page is gone and took the module with it.
            }
        }
    }
}
