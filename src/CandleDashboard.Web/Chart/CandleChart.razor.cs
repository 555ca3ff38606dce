using System.Globalization;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Plotly.Blazor;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// A live candlestick chart of one series. Loads history and draws it through Plotly.Blazor
/// (<see cref="ChartFigure"/>), then forwards each coalesced live update as one small interop call
/// (<see cref="ChartInterop"/>: the changed or new candle only). When the fetcher commits official
/// klines of the series (data_updated), reads them from the stores and replaces the drawn
/// live-built candles in one call. A new Symbol/Interval replaces the whole session.
/// </summary>
public sealed partial class CandleChart : ComponentBase, IAsyncDisposable
{
    /// <summary>The browser keeps at most this many candles (oldest dropped as new ones arrive).</summary>
    public const int MaxCandles = 1000;

    [Inject] private ICandleHistory History { get; set; } = default!;
    [Inject] private ILiveCandleStream Live { get; set; } = default!;
    [Inject] private IDataUpdatedBus DataUpdates { get; set; } = default!;
    [Inject] private IExchange Exchange { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private ThemeState Theme { get; set; } = default!;
    [Inject] private ILogger<CandleChart> Logger { get; set; } = default!;

    [Parameter, EditorRequired] public string Symbol { get; set; } = "";
    [Parameter, EditorRequired] public Interval Interval { get; set; }
    [Parameter] public int HistoryCount { get; set; } = 300;

    /// <summary>The plot element's id, unique per chart on the page.</summary>
    public string PlotId { get; } = $"candle-plot-{Guid.NewGuid():N}";

    private PlotlyChart? _plot;
    private bool _plotRendered;
    private ChartColors? _drawnColors;
    private readonly List<ITrace> _traces = [];
    private Layout _layout = default!;
    private readonly Config _config = ChartFigure.Config();
    private readonly TaskCompletionSource _plotCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ChartInterop _interop = default!;
    private ChartSession? _session;
    private (string Symbol, Interval Interval)? _requested;
    private (string Symbol, Interval Interval)? _started;
    private ChartState _state = ChartState.Loading;
    private string? _error;
    private bool _errorIsUnknownSymbol;
    private bool _disposed;
    private readonly SemaphoreSlim _loadGate = new(1, 1);

    // Readouts, copied from the session's series after each change.
    private Candle? _last;
    private Candle? _first;
    private int _count;
    private int _decimals = 2;

    protected override void OnInitialized()
    {
        _interop = new ChartInterop(JS);
        Theme.Changed += OnThemeChanged;
    }

    protected override void OnParametersSet()
    {
        var key = (Symbol, Interval);
        if (_requested != key)
        {
            _requested = key;
            _state = ChartState.Loading;
            _last = null;
            _first = null;
            _count = 0;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _interop.Preload(); // fetched while the history loads
        }

        // Loading starts after render because the plot element must exist.
        if (_requested is { } key && _started != key)
        {
            _started = key;
            await LoadAsync(key.Symbol, key.Interval);
        }
    }

    // Plotly.Blazor has handed its first figure to plotly.
    private void OnPlotCreated() => _plotCreated.TrySetResult();

    private async Task RetryAsync()
    {
        _state = ChartState.Loading;
        _error = null;
        StateHasChanged();
        if (_requested is { } key)
        {
            await LoadAsync(key.Symbol, key.Interval);
        }
    }

    private async Task LoadAsync(string symbol, Interval interval)
    {
        // Stop the previous series at once (its history request is cancelled, its handlers
        // unsubscribed), then take turns: every load draws into the same plot.
        var previous = _session;
        previous?.Dispose();
        var session = new ChartSession(symbol, interval, MaxCandles);
        _session = session;

        await _loadGate.WaitAsync();
        try
        {
            if (session != _session || _disposed)
            {
                return; // superseded while waiting for the gate
            }

            if (previous is { IsDrawn: true })
            {
                await _interop.ForgetAsync(PlotId); // no hot-path call may touch the plot until the new series is drawn
            }

            // Subscribe before reading history so no update falls between the two; updates are
            // held until the chart is drawn, then stale ones are dropped by ChartSeries.
            session.Attach(Live.Subscribe(symbol, interval, update => OnLiveUpdate(session, update)));
            var exchange = Exchange.Name;
            session.Attach(DataUpdates.Subscribe(message =>
            {
                if (OfficialUpdateFilter.Concerns(message, exchange, symbol, interval))
                {
                    _ = FetchOfficialAsync(session, message);
                }
            }));

            // The tick size is nice to have: asked for alongside history, used only if it is already known.
            var symbols = Exchange.Symbols.GetSymbolsAsync(session.Cancellation);
            var history = (await History.LoadAsync(symbol, interval, HistoryCount, session.Cancellation)).Candles;
            if (session != _session)
            {
                return;
            }

            var candles = CandleMerge.WithLiveCandles(history, Live.GetLiveCandles(symbol, interval));
            session.Series.Load(candles);
            _decimals = PriceDecimals.For(symbols.IsCompletedSuccessfully ? symbols.Result.FirstOrDefault(s => s.Symbol == symbol) : null, candles);
            await DrawAsync(session, candles);
            if (session != _session || session.IsDisposed)
            {
                return;
            }

            _state = ChartState.Ready;
            CopyReadouts(session);
            StateHasChanged();
            await DrainAsync(session); // releases the updates held during the load
        }
        catch (OperationCanceledException) when (session.IsDisposed)
        {
            // Switched or closed while loading.
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone; disposal follows.
        }
        catch (Exception) when (session != _session)
        {
            // A load the user already navigated away from failed late: nothing to show.
        }
        catch (Exception ex)
        {
            var description = ChartLoadError.Describe(ex, symbol);
            if (description.ShouldLogAsError)
            {
                Logger.LogError(ex, "Loading the {Symbol} {Interval} chart failed", symbol, interval);
            }
            else
            {
                Logger.LogWarning("Loading the {Symbol} {Interval} chart failed: {Reason}", symbol, interval, ex.Message);
            }

            session.Dispose();
            _state = ChartState.Failed;
            _error = description.Message;
            _errorIsUnknownSymbol = description.IsUnknownSymbol;
            StateHasChanged();
        }
        finally
        {
            _loadGate.Release();
        }
    }

    /// <summary>
    /// The whole series through Plotly.Blazor, then waits until the browser shows it: the first
    /// series by rendering the plot component with it (its first draw), later ones by React.
    /// </summary>
    private async Task DrawAsync(ChartSession session, IReadOnlyList<Candle> candles)
    {
        var colors = DashboardTheme.ChartColorsFor(Theme.IsDark);
        _traces.Clear();
        _traces.AddRange(ChartFigure.Traces(candles, session.Symbol, colors));
        _layout = ChartFigure.Layout(candles.Count > 0 ? candles[^1] : null, _decimals, colors);
        _drawnColors = colors;
        if (_plot is null)
        {
            _plotRendered = true;
            StateHasChanged();
            await WhenPlotCreatedAsync(session.Cancellation);
        }
        else
        {
#pragma warning disable BL0005 // PlotlyChart never re-renders (ShouldRender is false) and reads Layout only when told to draw; this is that moment.
            _plot.Layout = _layout;
#pragma warning restore BL0005
            await _plot.React();
        }

        var expected = new DrawnSeries(session.Symbol, candles.Count, candles.Count > 0 ? candles[^1].OpenTime : 0);
        var options = new ChartOptions(session.Symbol, session.Interval.Code, session.Interval.Milliseconds, _decimals, MaxCandles);
        if (!await _interop.WhenDrawnAsync(PlotId, expected, options, session.Cancellation))
        {
            throw new JSException("The chart library did not draw the series in time.");
        }

        session.IsDrawn = true;
        await RecolourAsync(); // the theme may have changed while the figure was on its way
    }

    private async Task WhenPlotCreatedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _plotCreated.Task.WaitAsync(ChartInterop.DrawTimeout, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new JSException("The chart library did not load in time.", ex);
        }
    }

    // Runs on the feed's thread, which serves every chart and the hub: only queue (bounded,
    // coalescing: PendingCandles), and when no drain runs, start one from the thread pool. Not
    // InvokeAsync directly: the renderer runs a dispatched call inline on the caller's thread
    // when it is idle, so the feed's thread would do this circuit's interop and render work.
    private void OnLiveUpdate(ChartSession session, CandleUpdate update)
    {
        if (!session.IsDisposed && session.Pending.Offer(update.Candle))
        {
            ThreadPool.UnsafeQueueUserWorkItem(static state => state.Chart.StartDrain(state.Session), (Chart: this, Session: session), preferLocal: false);
        }
    }

    private void StartDrain(ChartSession session)
    {
        try
        {
            _ = InvokeAsync(() => DrainAsync(session));
        }
        catch (ObjectDisposedException)
        {
            // The circuit ended between the check and the dispatch; the session is being disposed.
            session.Pending.Release();
        }
    }

    // Runs on the bus's thread. The read happens here, off the drain, so a slow store never holds
    // up live updates; the result then queues behind them in the same drain, which keeps order.
    private async Task FetchOfficialAsync(ChartSession session, DataUpdated message)
    {
        try
        {
            var candles = await History.GetRangeAsync(session.Symbol, session.Interval, message.From, message.To, session.Cancellation);
            if (!session.IsDisposed && session.Pending.OfferOfficial(candles))
            {
                await InvokeAsync(() => DrainAsync(session));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException && session.IsDisposed)
        {
            // The chart switched or closed while reading.
        }
        catch (ObjectDisposedException)
        {
            // The circuit ended between the read and the dispatch.
        }
        catch (Exception ex)
        {
            // Fire-and-forget from the bus: the candles stay live-built until the next load.
            Logger.LogWarning(ex, "Reading official {Symbol} {Interval} candles after data_updated failed", session.Symbol, session.Interval);
        }
    }

    private async Task DrainAsync(ChartSession session)
    {
        try
        {
            while (!session.IsDisposed && session.IsDrawn)
            {
                var batch = session.Pending.TakeOrRelease();
                if (batch.IsEmpty)
                {
                    return;
                }

                var changed = false;
                foreach (var candle in batch.Live)
                {
                    if (session.IsDisposed || session.Series.Apply(candle) == ChartChange.Ignored)
                    {
                        continue;
                    }

                    await _interop.ApplyUpdateAsync(PlotId, ChartCandle.From(candle));
                    changed = true;
                }

                // After the live updates of this turn, so a candle that just closed is drawn before
                // its official version can replace it. The forming bucket is the clock's, not the
                // last drawn candle's: a drawn candle whose bucket has ended may become official.
                var formingOpenTime = session.Interval.Floor(Clock.GetUtcNow().ToUnixTimeMilliseconds());
                var official = session.IsDisposed ? [] : session.Series.AcceptOfficial(batch.Official, formingOpenTime);
                if (official.Count > 0)
                {
                    var inserted = await _interop.ReplaceCandlesAsync(PlotId, [.. official.Select(c => ChartCandle.From(c))]);
                    session.Series.RecordInserted(inserted);
                    changed = true;
                }

                if (changed && session == _session)
                {
                    CopyReadouts(session);
                    StateHasChanged();
                }
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser is away. If the circuit closes, DisposeAsync ends the session; if the
            // browser reconnects, the next update must be able to start a drain again.
            session.Pending.Release();
        }
        catch (TaskCanceledException ex)
        {
            // The circuit is being torn down (server shutdown, tab gone) with a call in flight, or
            // the browser did not answer in time; the next update tries again.
            session.Pending.Release();
            Logger.LogDebug(ex, "A live update of the {Symbol} {Interval} chart was cancelled", session.Symbol, session.Interval);
        }
        catch (Exception ex)
        {
            // Fire-and-forget from the feed's thread: nobody awaits this, so log instead of losing
            // it, and let the next update start a new drain rather than freeze the chart.
            session.Pending.Release();
            Logger.LogWarning(ex, "A live update of the {Symbol} {Interval} chart failed", session.Symbol, session.Interval);
        }
    }

    // The theme switched: recolour the chart's frame without touching its data or the user's view.
    // The patch goes through Plotly.update (no trace changes), which relayouts exactly like
    // Plotly.relayout. PlotlyChart.Relayout(patch) cannot be used: it first copies the patch into
    // its Layout model, which reads a dotted path such as "xaxis.gridcolor" as an axis object and
    // throws, so the chart was never recoloured.
    // Before the first draw nothing needs recolouring: the figure is built in the current theme.
    private void OnThemeChanged() => _ = InvokeAsync(RecolourAsync);

    private async Task RecolourAsync()
    {
        var colors = DashboardTheme.ChartColorsFor(Theme.IsDark);
        if (_plot is null || _session is not { IsDrawn: true } || colors == _drawnColors)
        {
            return;
        }

        try
        {
            _drawnColors = colors;
            await _plot.Update(new Dictionary<string, object>(), ChartFigure.ThemePatch(colors));
        }
        catch (JSDisconnectedException)
        {
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Recolouring the {Symbol} {Interval} chart failed", Symbol, Interval);
        }
    }

    private void CopyReadouts(ChartSession session)
    {
        _last = session.Series.Last;
        _first = session.Series.First;
        _count = session.Series.Count;
    }

    private static string FormatTime(long epochMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        Theme.Changed -= OnThemeChanged;
        var session = _session;
        _session = null;
        session?.Dispose(); // unsubscribe first, synchronously: no handler may outlive the page
        _plotCreated.TrySetCanceled();
        try
        {
            await _interop.ForgetAsync(PlotId);
        }
        catch (Exception ex) when (ex is JSDisconnectedException or JSException or ObjectDisposedException or TaskCanceledException)
        {
            // The page is gone and took the chart with it, or the module never loaded.
        }

        await _interop.DisposeAsync();
    }
}
