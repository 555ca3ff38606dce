using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Messaging;
using CandleDashboard.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CandleDashboard.Core.Indicators;

/// <summary>
/// The one calculator of an indicator over a series, shared by everyone who shows it (charts, hub
/// followers): fed by the same coalesced candle stream as the charts, and by the official candles
/// after data_updated, each change computed once and pushed to every viewer.
/// </summary>
/// <remarks>
/// <para><b>Warm-up.</b> Started with the newest <c>drawn</c> candles a chart loads, plus
/// <see cref="IndicatorWarmUp"/>'s candles before the first of them, so the first drawn value is
/// already right. Updates that arrive while it loads are held and applied after, in order (stale ones
/// are replacements the calculator handles).</para>
/// <para><b>Threads.</b> The live feed and the data_updated bus call in on their own threads; one lock
/// serialises them, and viewers are told inside it so they see updates in the order they were
/// computed. Viewers' handlers must only queue (as the chart's and the hub's do).</para>
/// </remarks>
public sealed class SharedIndicator : IDisposable
{
    private readonly object _sync = new();
    private readonly IndicatorSeries _series;
    private readonly HandlerList<IndicatorUpdate> _viewers = new();
    private readonly List<IDisposable> _sources = [];
    private readonly ILogger _logger;
    private List<CandleUpdate>? _held = [];
    private readonly List<DataUpdated> _heldOfficial = [];
    private Candle? _forming;
    private IndicatorValue? _formingValue;
    private bool _disposed;

    private SharedIndicator(IndicatorKey key, int window, ILogger logger)
    {
        Key = key;
        _series = new IndicatorSeries(key.Spec, window);
        _logger = logger;
        _viewers.HandlerFailed += (update, ex) => _logger.LogWarning(ex, "A viewer of {Indicator} failed on an update", Key);
    }

    public IndicatorKey Key { get; }

    /// <summary>Closed candles fed since the start, warm-up included (for tests and the admin page).</summary>
    public long CandlesFed
    {
        get
        {
            lock (_sync)
            {
                return _series.TotalAdded;
            }
        }
    }

    /// <summary>Subscribes to the sources, then loads history and warms up; updates arriving meanwhile are held.</summary>
    internal static async Task<SharedIndicator> StartAsync(IndicatorKey key, SharedIndicatorSources sources, int drawn, ILogger logger, CancellationToken cancellationToken)
    {
        var series = key.Series;
        var firstGuess = series.Interval.Floor(sources.Clock.GetUtcNow().ToUnixTimeMilliseconds()) - ((long)drawn * series.Interval.Milliseconds);
        var window = Math.Max(IndicatorSeries.DefaultWindow, drawn + IndicatorWarmUp.CandlesBefore(key.Spec, series.Interval, firstGuess) + 2);
        var indicator = new SharedIndicator(key, window, logger);
        try
        {
            indicator._sources.Add(sources.Live.Subscribe(series.Symbol, series.Interval, indicator.OnLive));
            indicator._sources.Add(sources.DataUpdates.Subscribe(message =>
            {
                if (message.Exchange == sources.Exchange && message.Symbol == series.Symbol && message.Interval == series.Interval.Code)
                {
                    _ = indicator.OnOfficialAsync(sources.History, message);
                }
            }));

            var slice = await sources.History.LoadAsync(series.Symbol, series.Interval, drawn, cancellationToken).ConfigureAwait(false);
            var candles = CandleMerge.WithLiveCandles(slice.Candles, sources.Live.GetLiveCandles(series.Symbol, series.Interval));
            var warmUp = candles.Count == 0
                ? []
                : await new IndicatorHistory(sources.History).LoadWarmUpAsync(series, key.Spec, candles[0].OpenTime, cancellationToken).ConfigureAwait(false);
            foreach (var message in indicator.Seed(warmUp, candles))
            {
                _ = indicator.OnOfficialAsync(sources.History, message);
            }

            return indicator;
        }
        catch
        {
            indicator.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts telling <paramref name="onUpdate"/> every change, and hands out the values it starts from
    /// (every held value from <paramref name="fromOpenTime"/> on, then the forming candle's), atomically:
    /// no update falls between the two.
    /// </summary>
    public IDisposable Subscribe(long fromOpenTime, Action<IndicatorUpdate> onUpdate, out IReadOnlyList<IndicatorValue> current)
    {
        lock (_sync)
        {
            current = ValuesFrom(fromOpenTime);
            return _viewers.Add(onUpdate);
        }
    }

    /// <summary>Every held value from <paramref name="fromOpenTime"/> on, then the forming candle's.</summary>
    public IReadOnlyList<IndicatorValue> ValuesFrom(long fromOpenTime)
    {
        lock (_sync)
        {
            var values = new List<IndicatorValue>();
            for (var i = 0; i < _series.Count; i++)
            {
                var value = _series.ValueAt(i);
                if (value.OpenTime >= fromOpenTime)
                {
                    values.Add(value);
                }
            }

            if (_formingValue is { } forming)
            {
                values.Add(forming);
            }

            return values;
        }
    }

    public void Dispose()
    {
        lock (_sync)
        {
            _disposed = true;
        }

        foreach (var source in _sources)
        {
            source.Dispose();
        }
    }

    /// <summary>Feeds the warm-up and the loaded candles, then what arrived meanwhile; returns the data_updated messages held.</summary>
    private DataUpdated[] Seed(IReadOnlyList<Candle> warmUp, IReadOnlyList<Candle> candles)
    {
        lock (_sync)
        {
            foreach (var candle in warmUp)
            {
                _series.Add(candle);
            }

            foreach (var candle in candles)
            {
                Apply(candle);
            }

            var held = _held!;
            _held = null;
            foreach (var update in held)
            {
                Apply(update.Candle);
            }

            // Official commits seen during the load may have landed after the history was read.
            return [.. _heldOfficial];
        }
    }

    private void OnLive(CandleUpdate update)
    {
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            if (_held is { } held)
            {
                held.Add(update);
                return;
            }

            if (Apply(update.Candle) is { } change)
            {
                _viewers.Invoke(change);
            }
        }
    }

    // Runs on the bus's thread; the read happens outside the lock, so a slow store holds up nothing.
    private async Task OnOfficialAsync(ICandleHistory history, DataUpdated message)
    {
        try
        {
            lock (_sync)
            {
                if (_held is not null)
                {
                    _heldOfficial.Add(message); // still warming up: read once the seed is in
                    return;
                }
            }

            var official = await history.GetRangeAsync(Key.Series.Symbol, Key.Series.Interval, message.From, message.To, CancellationToken.None).ConfigureAwait(false);
            lock (_sync)
            {
                if (_disposed)
                {
                    return;
                }

                long? firstChanged = null;
                foreach (var candle in official)
                {
                    if (Feed(candle, out _) is { } changed)
                    {
                        firstChanged = Math.Min(firstChanged ?? long.MaxValue, changed);
                    }
                }

                if (firstChanged is { } from)
                {
                    _viewers.Invoke(new IndicatorUpdate(Key, IndicatorUpdateKind.Replaced, ValuesFrom(from)));
                }
            }
        }
        catch (Exception ex)
        {
            // Fire-and-forget from the bus: the values stay as computed from the live candles until the
            // next official commit of the series (or a restart of the calculator).
            _logger.LogWarning(ex, "Reading official candles for {Indicator} after data_updated failed", Key);
        }
    }

    /// <summary>Feeds one candle; returns the update for viewers, or null when nothing they hold changed.</summary>
    private IndicatorUpdate? Apply(in Candle candle)
    {
        if (Feed(candle, out var appended) is not { } from)
        {
            return null;
        }

        if (!candle.IsClosed)
        {
            return new IndicatorUpdate(Key, IndicatorUpdateKind.Forming, [_formingValue!.Value]);
        }

        return appended
            ? new IndicatorUpdate(Key, IndicatorUpdateKind.Closed, [_series.Latest])
            : new IndicatorUpdate(Key, IndicatorUpdateKind.Replaced, ValuesFrom(from));
    }

    /// <summary>
    /// Feeds one candle: a forming one is previewed, a newer closed one appended, an older closed one
    /// replaces the held candle (and the forming value is previewed again on the corrected state).
    /// Returns the open time of the first value that changed, or null when none did.
    /// </summary>
    private long? Feed(in Candle candle, out bool appended)
    {
        appended = false;
        var last = _series.LastOpenTime;
        if (!candle.IsClosed)
        {
            if (last is { } l && candle.OpenTime <= l)
            {
                return null; // a forming candle older than the newest closed one: out of date
            }

            _forming = candle;
            _formingValue = _series.Preview(candle);
            return candle.OpenTime;
        }

        if (last is null || candle.OpenTime > last)
        {
            _series.Add(candle);
            appended = true;
            if (_forming is { } forming && forming.OpenTime <= candle.OpenTime)
            {
                _forming = null;
                _formingValue = null;
            }

            return candle.OpenTime;
        }

        var replaced = _series.Replace(candle);
        if (replaced.FirstChangedOpenTime is not { } first)
        {
            return null;
        }

        if (_forming is { } current)
        {
            _formingValue = _series.Preview(current);
        }

        return first;
    }
}
