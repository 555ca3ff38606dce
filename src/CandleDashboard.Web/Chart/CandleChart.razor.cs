using System.Globalization;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Web.Chart;
using CandleDashboard.Core.Exchange;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CandleDashboard.Web.Chart;

public enum ChartState
{
    Loading,
    Ready,
    Failed,
}

/// <summary>
/// A live candlestick chart of one series. Loads history, draws it once through
/// <c>wwwroot/js/candleChart.js</c>, then forwards each coalesced live update as one interop call
/// (the changed or new candle only). When the fetcher commits official klines of the series
/// (data_updated), reads them from the stores and replaces the drawn live-built candles in one
/// call. A new Symbol/Interval replaces the whole session.
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
    [Inject] private ILogger<CandleChart> Logger { get; set; } = default!;

    [Parameter, EditorRequired] public string Symbol { get; set; } = "";
    [Parameter, EditorRequired] public Interval Interval { get; set; }
    [Parameter] public int HistoryCount { get; set; } = 300;

    private ElementReference _chartElement;
    private IJSObjectReference? _module;
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
        // Loading starts after render because the chart element must exist for plotly.
        if (_requested is { } key && _started != key)
        {
            _started = key;
            await LoadAsync(key.Symbol, key.Interval);
        }
    }

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
        // Stop the previous series at once (its history request is cancelled, its handler
        // unsubscribed), then wait for its load to finish: all loads draw into the same element,
        // so they must take turns or one load's dispose would purge the other's chart.
        var previous = _session;
        previous?.Dispose();
        var session = new ChartSession(symbol, interval, MaxCandles);
        _session = session;

        await _loadGate.WaitAsync();
        try
        {
            await DisposeChartAsync(previous);
            if (session != _session || _disposed)
            {
                return; // superseded while waiting for the gate
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

            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/candleChart.js");
            var history = (await History.LoadAsync(symbol, interval, HistoryCount, session.Cancellation)).Candles;
            if (session != _session)
            {
                return;
            }

            var candles = CandleMerge.WithLiveCandles(history, Live.GetLiveCandles(symbol, interval));
            session.Series.Load(candles);
            _decimals = candles.Count > 0 ? PriceFormat.DecimalsFor(candles[^1].Close) : 2;
            var options = new ChartOptions(symbol, interval.Code, interval.Milliseconds, _decimals, MaxCandles);
            var payload = candles.Select(c => ChartCandle.From(c)).ToArray();

            // Not cancellable on purpose: the browser creates the chart either way, and only the
            // returned handle lets us dispose it.
            session.ChartHandle = await _module.InvokeAsync<int>("create", _chartElement, payload, options);
            if (session != _session || session.IsDisposed)
            {
                await DisposeChartAsync(session);
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
            await DisposeChartAsync(session);
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

    // Runs on the feed's thread: only queue, and start a drain on the renderer when none runs.
    private void OnLiveUpdate(ChartSession session, CandleUpdate update)
    {
        if (!session.IsDisposed && session.Pending.Offer(update.Candle))
        {
            try
            {
                _ = InvokeAsync(() => DrainAsync(session));
            }
            catch (ObjectDisposedException)
            {
                // The circuit ended between the check and the dispatch; the session is being disposed.
            }
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
            while (!session.IsDisposed && _module is not null && session.ChartHandle is { } handle)
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

                    await _module.InvokeVoidAsync("applyUpdate", handle, ChartCandle.From(candle));
                    changed = true;
                }

                // After the live updates of this turn, so a candle that just closed is drawn before
                // its official version can replace it. The forming bucket is the clock's, not the
                // last drawn candle's: a drawn candle whose bucket has ended may become official.
                var formingOpenTime = session.Interval.Floor(Clock.GetUtcNow().ToUnixTimeMilliseconds());
                var official = session.IsDisposed ? [] : session.Series.AcceptOfficial(batch.Official, formingOpenTime);
                if (official.Count > 0)
                {
                    var inserted = await _module.InvokeAsync<int>("replaceCandles", handle, official.Select(c => ChartCandle.From(c)).ToArray());
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
            // Circuit closing; DisposeAsync ends the session.
        }
        catch (Exception ex)
        {
            // Fire-and-forget from the feed's thread: nobody awaits this, so log instead of losing it.
            Logger.LogWarning(ex, "A live update of the {Symbol} {Interval} chart failed", session.Symbol, session.Interval);
        }
    }

    private void CopyReadouts(ChartSession session)
    {
        _last = session.Series.Last;
        _first = session.Series.First;
        _count = session.Series.Count;
    }

    /// <summary>Removes the session's chart from the page (plotly purge). Idempotent.</summary>
    private async Task DisposeChartAsync(ChartSession? session)
    {
        if (session?.ChartHandle is not { } handle || _module is null)
        {
            return;
        }

        session.ChartHandle = null;
        try
        {
            await _module.InvokeVoidAsync("dispose", handle);
        }
        catch (Exception ex) when (ex is JSDisconnectedException or ObjectDisposedException or TaskCanceledException)
        {
            // The page is gone and took the chart with it.
        }
    }

    private static string FormatTime(long epochMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        var session = _session;
        _session = null;
        session?.Dispose(); // unsubscribe first, synchronously: no handler may outlive the page
        await DisposeChartAsync(session);
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }
}
