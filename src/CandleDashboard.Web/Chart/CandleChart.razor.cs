using System.Globalization;
using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Web.Components.Layout;
using CandleDashboard.Web.Venues;
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
    /// <summary>
    /// The browser keeps at most this many candles: beyond it, scrolling back drops the newest and
    /// new candles drop the oldest (see <c>insertCandles</c> in candleChart.js), so memory stays
    /// bounded however far back a trader goes.
    /// </summary>
    public const int MaxCandles = 5000;

    /// <summary>Candles per scroll-back page: one exchange request when the stores lack them.</summary>
    public const int PageCandles = HistoryPage.MaxCount;

    [Inject] private VenueDirectory Venues { get; set; } = default!;
    [Inject] private IDataUpdatedBus DataUpdates { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private ThemeState Theme { get; set; } = default!;
    [Inject] private ILogger<CandleChart> Logger { get; set; } = default!;

    /// <summary>The venue's id (<c>kraken</c>); null or empty: the default venue. The page resolved it already.</summary>
    [Parameter] public string? Exchange { get; set; }

    [Parameter, EditorRequired] public string Symbol { get; set; } = "";
    [Parameter, EditorRequired] public Interval Interval { get; set; }
    [Parameter] public int HistoryCount { get; set; } = 300;

    /// <summary>Time zone and price scale; changing them relabels the drawn chart without reloading it.</summary>
    [Parameter] public ChartDisplay Display { get; set; } = ChartDisplay.Default;

    /// <summary>The indicators to draw (the link's ?ind=); changing them keeps the series and the view.</summary>
    [Parameter] public IReadOnlyList<IndicatorSpec> Indicators { get; set; } = [];

    /// <summary>Whether the page's charts move their crosshairs together (a layout's ?link=1), as of this chart's draw.</summary>
    [Parameter] public bool LinkCrosshairs { get; set; }

    /// <summary>The range to show first (a deep link's ?from=&amp;to=); null shows the latest candles.</summary>
    [Parameter] public ChartRange? InitialView { get; set; }

    /// <summary>
    /// Whether this chart may take over the plot the page drew from its first response (Chart/FirstPaint)
    /// when it shows the same series: the page's first chart only.
    /// </summary>
    [Parameter] public bool AdoptFirstPaint { get; set; }

    /// <summary>The plot element's id, unique per chart on the page.</summary>
    public string PlotId { get; } = $"candle-plot-{Guid.NewGuid():N}";

    private PlotlyChart? _plot;
    private bool _plotRendered;

    // Until the first series has either adopted the first paint's plot or decided to draw its own.
    private bool _adoptPending;

    // The element holding the adopted plot; gone when a later series is drawn through Plotly.Blazor.
    private bool _adoptHost;
    private ChartColors? _drawnColors;
    private readonly List<ITrace> _traces = [];
    private Layout _layout = default!;
    private readonly Config _config = ChartFigure.Config();
    private readonly TaskCompletionSource _plotCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ChartInterop _interop = default!;
    private DotNetObjectReference<CandleChart> _self = default!;
    private ChartDisplay? _shownDisplay;
    private IReadOnlyList<IndicatorSpec>? _shownIndicators;
    private string? _indicatorProblem;
    private string? _liveAccuracy;
    private ChartSession? _session;
    private (Venue Venue, string Symbol, Interval Interval)? _requested;
    private (Venue Venue, string Symbol, Interval Interval)? _started;
    private ChartState _state = ChartState.Loading;
    private string? _error;
    private bool _errorIsUnknownSymbol;
    private bool _disposed;
    private readonly SemaphoreSlim _loadGate = new(1, 1);

    // One scroll-back page at a time per chart: the browser asks for the next only after drawing the
    // last, so a second request in flight is a misbehaving client, answered empty rather than passed
    // on to the stores and the exchange.
    private bool _pageInFlight;

    // The readouts this component renders (candle count, last open time), copied from the session's
    // series when they change. The forming candle's values are drawn by the chart module (chartLegend.js).
    private Candle? _last;
    private int _count;
    private int _decimals = 2;

    protected override void OnInitialized()
    {
        _interop = new ChartInterop(JS);
        _self = DotNetObjectReference.Create(this);
        Theme.Changed += OnThemeChanged;
        _adoptPending = _adoptHost = AdoptFirstPaint;
    }

    protected override void OnParametersSet()
    {
        var key = (Venues.Get(Exchange), Symbol, Interval);
        if (_requested != key)
        {
            _requested = key;
            _state = ChartState.Loading;
            _last = null;
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
            await LoadAsync(key.Venue, key.Symbol, key.Interval, InitialView);
        }
        else if (_session is { IsDrawn: true } session)
        {
            if (_shownDisplay != Display)
            {
                await ShowDisplayAsync();
            }

            if (_shownIndicators is { } shown && !shown.SequenceEqual(Indicators))
            {
                await ShowIndicatorsAsync(session);
            }
        }
    }

    // The shared calculators of the chosen indicators (started and warmed up if nobody shows them yet),
    // their values from the first drawn candle on, and the browser draws exactly them.
    private async Task ShowIndicatorsAsync(ChartSession session)
    {
        var wanted = Indicators;
        _shownIndicators = wanted;
        if (session.Indicators is not { } indicators)
        {
            return;
        }

        try
        {
            var failed = new List<string>();
            var drawn = await indicators.ShowAsync(wanted, session.Series.FirstOpenTime ?? 0, failed, session.Cancellation);
            if (session.IsDisposed)
            {
                return;
            }

            await _interop.SetIndicatorsAsync(PlotId, drawn);
            _indicatorProblem = failed.Count == 0
                ? null
                : $"{string.Join(", ", failed)}: the history behind it could not be read, so it is not drawn; it is tried again when the chart reloads or the set changes.";
        }
        catch (OperationCanceledException) when (session.IsDisposed)
        {
        }
        catch (JSDisconnectedException)
        {
        }

        StateHasChanged();
    }

    // The toolbar changed the zone or scale: relabel the drawn chart (no reload, the view stays).
    private async Task ShowDisplayAsync()
    {
        var display = Display;
        _shownDisplay = display;
        try
        {
            await _interop.SetDisplayAsync(PlotId, display);
        }
        catch (JSDisconnectedException)
        {
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
            await LoadAsync(key.Venue, key.Symbol, key.Interval, view: null);
        }
    }

    private async Task LoadAsync(Venue venue, string symbol, Interval interval, ChartRange? view)
    {
        // Stop the previous series at once (its history request is cancelled, its handlers
        // unsubscribed), then take turns: every load draws into the same plot.
        var previous = _session;
        previous?.Dispose();
        var session = new ChartSession(venue, symbol, interval, MaxCandles);
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
            session.Attach(venue.Live.Subscribe(symbol, interval, update => OnLiveUpdate(session, update)));
            var exchange = venue.Exchange.Name;
            session.Attach(DataUpdates.Subscribe(message =>
            {
                if (OfficialUpdateFilter.Concerns(message, exchange, symbol, interval))
                {
                    _ = FetchOfficialAsync(session, message);
                }
            }));

            // The tick size is nice to have: asked for alongside history, used only if it is already known.
            var symbols = venue.Exchange.Symbols.GetSymbolsAsync(session.Cancellation);
            var history = (await venue.History.LoadAsync(symbol, interval, HistoryCount, session.Cancellation)).Candles;
            if (session != _session)
            {
                return;
            }

            var candles = CandleMerge.WithLiveCandles(history, venue.Live.GetLiveCandles(symbol, interval));
            session.Series.Load(candles);
            _decimals = PriceDecimals.For(symbols.IsCompletedSuccessfully ? symbols.Result.FirstOrDefault(s => s.Symbol == symbol) : null, candles);
            if (!(_adoptPending && await AdoptAsync(session, candles, view)))
            {
                _adoptPending = false;
                await DrawAsync(session, candles, view);
            }

            if (session != _session || session.IsDisposed)
            {
                return;
            }

            _state = ChartState.Ready;
            CopyReadouts(session);
            StateHasChanged();
            session.Indicators = new ChartIndicatorSession(
                new Series(symbol, interval), venue.Indicators, session.Pending, () => StartDrain(session), Logger);
            session.Attach(session.Indicators);
            await DrainAsync(session); // releases the updates held during the load

            // After the candles are live: an indicator's warm-up may have to ask a slow exchange, and
            // that must never hold up the chart's own updates.
            await ShowIndicatorsAsync(session);
            await ShowLiveDeltasAsync(session);
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
            _adoptPending = false;
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
    private async Task DrawAsync(ChartSession session, IReadOnlyList<Candle> candles, ChartRange? view)
    {
        var colors = DashboardTheme.ChartColorsFor(Theme.IsDark);
        _traces.Clear();
        _traces.AddRange(ChartFigure.Traces(candles, session.Symbol, colors));
        _layout = ChartFigure.Layout(candles.Count > 0 ? candles[^1] : null, _decimals, colors);
        _drawnColors = colors;
        if (_plot is null)
        {
            _adoptHost = false; // an adopted plot (same element id) goes with its host in this render
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
        var display = Display;
        var options = OptionsFor(session, display, view);
        if (!await _interop.WhenDrawnAsync(PlotId, expected, options, session.Cancellation))
        {
            throw new JSException("The chart library did not draw the series in time.");
        }

        session.IsDrawn = true;
        // The browser holds the figure now and the chart module draws every later change; the server's
        // copy (boxed values of every candle, ~90 KB a viewer) would only sit in memory until the next
        // series is drawn, which fills the list again. PlotlyChart never re-renders, so nothing reads it.
        _traces.Clear();
        _shownDisplay = display;
        await RecolourAsync(); // the theme may have changed while the figure was on its way
    }

    // How many of the newest candles an adoption checks against the pre-drawn ones: official klines are
    // committed seconds after a close, and the circuit arrives within seconds of the first response.
    private const int AdoptionRecheck = 5;

    private ChartOptions OptionsFor(ChartSession session, ChartDisplay display, ChartRange? view) => new(
        session.Symbol, session.Interval.Code, session.Interval.Milliseconds, _decimals, MaxCandles,
        display.Zone, display.Scale.Code(), Clock.GetUtcNow().ToUnixTimeMilliseconds(), view, _self, LinkCrosshairs);

    /// <summary>
    /// Takes over the plot the page drew from its first response when it shows this series (no second
    /// draw), then sends what formed since as live updates: the held newest candle's current version and
    /// any newer ones. False when there is none to adopt (the caller draws the series).
    /// </summary>
    private async Task<bool> AdoptAsync(ChartSession session, IReadOnlyList<Candle> candles, ChartRange? view)
    {
        if (view is not null)
        {
            // A deep link's range is never pre-drawn (FirstPaintSource).
            await _interop.ReleaseFirstPaintAsync();
            return false;
        }

        var display = Display;
        var key = FirstPaint.KeyOf(session.Venue.Id, session.Symbol, session.Interval);
        // The newest candles: one that closed just before the first response may have turned official since.
        var recent = candles.Skip(Math.Max(0, candles.Count - AdoptionRecheck)).Select(c => ChartCandle.From(c)).ToList();
        var drawn = await _interop.AdoptFirstPaintAsync(PlotId, key, OptionsFor(session, display, view), recent, session.Cancellation);
        if (drawn is null || drawn.Count < 0 || drawn.Count > MaxCandles)
        {
            return false;
        }

        session.IsDrawn = true;
        _shownDisplay = display;
        _drawnColors = DashboardTheme.ChartColorsFor(Theme.IsDark);
        _adoptPending = false;
        var added = 0;
        foreach (var candle in candles)
        {
            if (candle.OpenTime >= drawn.LastOpenTime && await _interop.ApplyUpdateAsync(PlotId, ChartCandle.From(candle)))
            {
                added += candle.OpenTime > drawn.LastOpenTime ? 1 : 0;
            }
        }

        var held = Math.Min(drawn.Count + added, MaxCandles);
        if (held > 0)
        {
            session.Series.WindowChanged(held, drawn.FirstOpenTime, detached: false);
        }

        await RecolourAsync(); // the figure was built in the request's theme; the circuit's may differ by now
        return true;
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
            var candles = await session.Venue.History.GetRangeAsync(session.Symbol, session.Interval, message.From, message.To, session.Cancellation);
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
                var detachedChange = false;

                // The indicators' new values ride with the turn's last live candle (one redraw for both),
                // else go alone after the official candles.
                var indicatorsPending = batch.Indicators.Count > 0;
                for (var i = 0; i < batch.Live.Count; i++)
                {
                    var candle = batch.Live[i];
                    if (session.IsDisposed || session.Series.Apply(candle) == ChartChange.Ignored)
                    {
                        continue;
                    }

                    changed = true;
                    if (session.Series.Detached)
                    {
                        detachedChange = true; // the browser shows the past without its newest candles; the readout still moves
                        continue;
                    }

                    var withIndicators = indicatorsPending && i == batch.Live.Count - 1;
                    await _interop.ApplyUpdateAsync(PlotId, ChartCandle.From(candle), withIndicators ? batch.Indicators : null);
                    indicatorsPending &= !withIndicators;
                }

                if (detachedChange && !session.IsDisposed && session.Series.Last is { } forming)
                {
                    await _interop.ShowFormingAsync(PlotId, ChartCandle.From(forming), session.Series.PreviousClose);
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
                    await ShowLiveDeltasAsync(session);
                }

                if (indicatorsPending && !session.IsDisposed)
                {
                    await _interop.ApplyIndicatorValuesAsync(PlotId, batch.Indicators);
                }

                // Only a new candle (or a page) changes what this component shows: a tick of the forming
                // candle is drawn by the chart module alone, and costs the circuit no render batch.
                if (changed && session == _session && CopyReadouts(session))
                {
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
        if (_session is not { IsDrawn: true } || colors == _drawnColors)
        {
            return;
        }

        try
        {
            _drawnColors = colors;
            if (_plot is null)
            {
                await _interop.UpdateLayoutAsync(PlotId, ChartFigure.ThemePatch(colors)); // an adopted plot: Plotly.Blazor never drew it
            }
            else
            {
                await _plot.Update(new Dictionary<string, object>(), ChartFigure.ThemePatch(colors));
            }
        }
        catch (JSDisconnectedException)
        {
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Recolouring the {Symbol} {Interval} chart failed", Symbol, Interval);
        }
    }

    // How the newest replaced candles compared with the live ones (recorded server-wide by the buffers):
    // the header's figure and, per candle, the legend's. Asked again after every official batch, which
    // also picks up a delta the buffers recorded just after this chart read its candles.
    private async Task ShowLiveDeltasAsync(ChartSession session)
    {
        var liveDeltas = session.Venue.LiveDeltas;
        _liveAccuracy = LiveDeltaText.Summary(liveDeltas.AccuracyOf(session.Symbol, session.Interval));
        if (session.Series.Last is not { } last)
        {
            return;
        }

        var deltas = new List<ChartLiveDelta>();
        for (var i = 0; i < liveDeltas.Window + 2; i++)
        {
            if (liveDeltas.DeltaAt(session.Symbol, session.Interval, last.OpenTime - (i * session.Interval.Milliseconds)) is { } delta)
            {
                deltas.Add(ChartLiveDelta.From(delta));
            }
        }

        if (deltas.Count > 0)
        {
            await _interop.SetLiveDeltasAsync(PlotId, deltas);
        }
    }

    /// <summary>Copies the readouts this component renders; true when one of them changed.</summary>
    private bool CopyReadouts(ChartSession session)
    {
        var last = session.Series.Last;
        var changed = _count != session.Series.Count || _last?.OpenTime != last?.OpenTime;
        _last = last;
        _count = session.Series.Count;
        return changed;
    }

    private string FormatTime(long epochMs) =>
        ChartTimeZones.ToZone(Display.Zone, epochMs).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    // --- Scroll-back: called by candleChart.js when the view nears an end of what it holds. The
    // browser is an edge like any other: its arguments are checked, and a failure is a logged empty
    // answer, never an exception thrown into the page. ---

    /// <summary>The page of closed candles before <paramref name="beforeOpenTime"/> (the oldest drawn one).</summary>
    [JSInvokable]
    public Task<ChartPageJson> LoadOlder(long beforeOpenTime) =>
        LoadPageAsync(beforeOpenTime, "older", page => new ChartPageJson([.. page.Candles.Select(c => ChartCandle.From(c))], page.ReachedStart, ReachedLive: false, []));

    /// <summary>
    /// The page after <paramref name="afterOpenTime"/> for a chart that dropped its newest candles, or
    /// ReachedLive when the rest is the live series (the browser then asks for <see cref="ReloadLatest"/>).
    /// </summary>
    [JSInvokable]
    public Task<ChartPageJson> LoadNewer(long afterOpenTime)
    {
        if (_session is not { } session || afterOpenTime <= 0)
        {
            return Task.FromResult(ChartPageJson.Empty);
        }

        var interval = session.Interval;
        var lastClosed = interval.Floor(Clock.GetUtcNow().ToUnixTimeMilliseconds()) - interval.Milliseconds;
        var before = afterOpenTime + ((PageCandles + 1) * interval.Milliseconds);
        return before > lastClosed
            ? Task.FromResult(ChartPageJson.Live)
            : LoadPageAsync(before, "newer", page => new ChartPageJson([.. page.Candles.Where(c => c.OpenTime > afterOpenTime).Select(c => ChartCandle.From(c))], ReachedStart: false, ReachedLive: false, []));
    }

    // One page through the history service for the drawn series; a failure is logged and answered
    // with an empty page (the browser pauses, then tries again).
    private async Task<ChartPageJson> LoadPageAsync(long beforeOpenTime, string direction, Func<HistoryPage, ChartPageJson> answer)
    {
        if (_session is not { IsDrawn: true } session || beforeOpenTime <= 0 || _pageInFlight)
        {
            return ChartPageJson.Empty;
        }

        _pageInFlight = true;
        try
        {
            var page = await session.Venue.History.LoadBeforeAsync(session.Symbol, session.Interval, beforeOpenTime, PageCandles, session.Cancellation);
            return answer(page) with { Indicators = await IndicatorPageAsync(session, page.Candles) };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || session.IsDisposed)
        {
            Logger.LogWarning(ex, "Loading {Direction} {Symbol} {Interval} candles failed", direction, session.Symbol, session.Interval);
            return ChartPageJson.Empty;
        }
        finally
        {
            _pageInFlight = false;
        }
    }

    // The shown indicators over a scroll-back page, each warmed up on the candles before it (the shared
    // calculators hold only the latest candles).
    private async Task<IReadOnlyList<ChartIndicatorValues>> IndicatorPageAsync(ChartSession session, IReadOnlyList<Candle> candles)
    {
        var values = new List<ChartIndicatorValues>();
        foreach (var spec in session.Indicators?.Shown ?? [])
        {
            var computed = await session.Venue.IndicatorHistory.ComputeAsync(new Series(session.Symbol, session.Interval), spec, candles, session.Cancellation);
            values.Add(ChartIndicatorValues.From(spec, computed));
        }

        return values;
    }

    /// <summary>Draws the latest candles again (back to live after scrolling far back), showing [from, to] when given.</summary>
    [JSInvokable]
    public Task ReloadLatest(long? from, long? to)
    {
        if (_session is null || _requested is not { } key)
        {
            return Task.CompletedTask;
        }

        var view = from is > 0 && to > from ? new ChartRange(from.Value, to.Value) : null;
        _state = ChartState.Loading;
        StateHasChanged();
        return LoadAsync(key.Venue, key.Symbol, key.Interval, view);
    }

    /// <summary>The browser loaded or dropped candles: what it holds now, for the readouts and for which updates to send.</summary>
    [JSInvokable]
    public void WindowChanged(int count, long firstOpenTime, long lastOpenTime, bool detached)
    {
        if (_session is not { IsDrawn: true } session || count < 0 || count > MaxCandles || firstOpenTime > lastOpenTime)
        {
            return;
        }

        session.Series.WindowChanged(count, firstOpenTime, detached);
        CopyReadouts(session);
        StateHasChanged();
    }

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
        _self.Dispose();
    }
}
