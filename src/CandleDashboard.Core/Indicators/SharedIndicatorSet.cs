using CandleDashboard.Core.Market;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CandleDashboard.Core.Indicators;

/// <summary>
/// Every indicator in use, one calculator per (series, indicator, parameters), however many charts and
/// hub followers show it: the first viewer starts it (warm-up included), later ones share it, and it is
/// dropped when the last lease is disposed.
/// </summary>
/// <remarks>
/// A calculator costs its window of candles and values (about 250 bytes a candle, 1000 candles by
/// default) and one subscription to the live stream: kept per series rather than per viewer, a
/// thousand viewers of EMA 21 on BTCUSDT 1m cost one.
/// </remarks>
public sealed class SharedIndicatorSet(SharedIndicatorSources sources, int drawnCandles, ILogger<SharedIndicatorSet>? logger = null)
{
    private readonly object _sync = new();
    private readonly Dictionary<IndicatorKey, Entry> _entries = [];
    private readonly ILogger _logger = logger ?? NullLogger<SharedIndicatorSet>.Instance;
    private long _started;

    /// <summary>Calculators alive now.</summary>
    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Calculators started since the app began (a shared one counts once).</summary>
    public long Started => Interlocked.Read(ref _started);

    /// <summary>Viewers of one indicator now (0 when it is not in use).</summary>
    public int ViewersOf(IndicatorKey key)
    {
        lock (_sync)
        {
            return _entries.TryGetValue(key, out var entry) ? entry.Viewers : 0;
        }
    }

    /// <summary>
    /// A lease on the shared calculator of <paramref name="spec"/> over <paramref name="series"/>, started
    /// and warmed up if nobody uses it yet. A viewer's cancellation only ends its own wait: the start goes
    /// on for the others and stops when nobody is left.
    /// </summary>
    public async Task<IndicatorLease> AcquireAsync(Series series, IndicatorSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var key = new IndicatorKey(series, spec);
        Entry entry;
        lock (_sync)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                entry.Start = SharedIndicator.StartAsync(key, sources, drawnCandles, _logger, entry.Stopping.Token);
                _entries[key] = entry;
                Interlocked.Increment(ref _started);
            }

            entry.Viewers++;
        }

        try
        {
            var indicator = await entry.Start.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new IndicatorLease(indicator, () => Release(key, entry));
        }
        catch
        {
            Release(key, entry);
            throw;
        }
    }

    /// <summary>
    /// A lease on the calculator of <paramref name="key"/> if it is running (started and warmed up), at
    /// once and without I/O; null otherwise. For a caller that already holds a lease and needs another
    /// where it cannot wait (a hub registry opening its broadcast under its lock).
    /// </summary>
    public IndicatorLease? TryAcquireRunning(IndicatorKey key)
    {
        lock (_sync)
        {
            if (!_entries.TryGetValue(key, out var entry) || !entry.Start.IsCompletedSuccessfully)
            {
                return null;
            }

            entry.Viewers++;
            return new IndicatorLease(entry.Start.Result, () => Release(key, entry));
        }
    }

    private void Release(IndicatorKey key, Entry entry)
    {
        lock (_sync)
        {
            entry.Viewers--;
            var failed = entry.Start.IsFaulted || entry.Start.IsCanceled;
            if ((entry.Viewers > 0 && !failed) || !_entries.TryGetValue(key, out var current) || current != entry)
            {
                return;
            }

            // A start that failed is forgotten at once, so the next viewer tries again rather than
            // inheriting the failure.
            _entries.Remove(key);
            if (entry.Viewers > 0)
            {
                return;
            }
        }

        entry.Stopping.Cancel();
        entry.Start.ContinueWith(static t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private sealed class Entry
    {
        public CancellationTokenSource Stopping { get; } = new();

        public Task<SharedIndicator> Start { get; set; } = null!;

        public int Viewers { get; set; }
    }
}
