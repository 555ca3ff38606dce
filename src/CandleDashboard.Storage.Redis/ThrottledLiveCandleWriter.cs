using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CandleDashboard.Storage.Redis;

/// <summary>
/// Takes every forming-candle update the builder produces (many per second on a busy symbol) and
/// writes the latest one per series to an <see cref="ILiveCandleStore"/> at most once per interval.
/// The first update after a quiet period is written at once; updates inside the interval are
/// coalesced and the newest is written when the interval ends, so the stored candle is never more
/// than one interval stale. Writes of one series never overlap. Callers never wait on Redis:
/// <see cref="Offer"/> is fire-and-forget, failures are logged and counted.
/// </summary>
public sealed class ThrottledLiveCandleWriter : IAsyncDisposable
{
    private readonly ILiveCandleStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private readonly Dictionary<SeriesKey, Slot> _slots = [];
    private long _writes;
    private long _failures;
    private bool _disposed;

    public ThrottledLiveCandleWriter(ILiveCandleStore store, TimeProvider timeProvider, TimeSpan interval, ILogger<ThrottledLiveCandleWriter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        _store = store;
        _time = timeProvider;
        _interval = interval;
        _logger = logger ?? NullLogger<ThrottledLiveCandleWriter>.Instance;
    }

    /// <summary>Store writes started so far.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Store writes that threw.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Accepts an update; it (or a newer one for the same series) reaches the store within one interval.</summary>
    public void Offer(SeriesKey series, Candle candle)
    {
        Slot slot;
        lock (_slots)
        {
            if (_disposed)
            {
                return;
            }

            if (!_slots.TryGetValue(series, out slot!))
            {
                _slots[series] = slot = new Slot(this, series);
            }
        }

        slot.Offer(candle);
    }

    /// <summary>Writes every pending update now, ignoring the interval (for shutdown).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        Slot[] slots;
        lock (_slots)
        {
            slots = [.. _slots.Values];
        }

        foreach (var slot in slots)
        {
            await slot.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_slots)
        {
            _disposed = true;
        }

        await FlushAsync(CancellationToken.None).ConfigureAwait(false);
        lock (_slots)
        {
            foreach (var slot in _slots.Values)
            {
                slot.Dispose();
            }
        }
    }

    /// <summary>State of one series: the newest unwritten candle, when it was last written, and its timer.</summary>
    private sealed class Slot : IDisposable
    {
        private readonly ThrottledLiveCandleWriter _owner;
        private readonly SeriesKey _series;
        private readonly ITimer _timer;
        private readonly object _gate = new();
        private Candle? _pending;
        private DateTimeOffset? _lastWrite;
        private bool _timerArmed;
        private bool _inFlight;
        private Task _writing = Task.CompletedTask;

        public Slot(ThrottledLiveCandleWriter owner, SeriesKey series)
        {
            _owner = owner;
            _series = series;
            _timer = owner._time.CreateTimer(static s => ((Slot)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public void Offer(Candle candle)
        {
            lock (_gate)
            {
                _pending = candle;
                if (!_timerArmed && !_inFlight)
                {
                    WriteOrArm();
                }

                // Otherwise a write is due or in flight; it (or the one after it) picks up this candle.
            }
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                Task writing;
                lock (_gate)
                {
                    if (!_inFlight && _pending is null)
                    {
                        return;
                    }

                    if (!_inFlight)
                    {
                        StartWrite();
                    }

                    writing = _writing;
                }

                await writing.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        public void Dispose() => _timer.Dispose();

        private void OnTimer()
        {
            lock (_gate)
            {
                _timerArmed = false;
                if (_pending is not null && !_inFlight)
                {
                    WriteOrArm();
                }
            }
        }

        // Caller holds the lock; a candle is pending and no write is in flight.
        private void WriteOrArm()
        {
            var wait = _lastWrite is { } last ? last + _owner._interval - _owner._time.GetUtcNow() : TimeSpan.Zero;
            if (wait > TimeSpan.Zero)
            {
                _timerArmed = true;
                _timer.Change(wait, Timeout.InfiniteTimeSpan);
            }
            else
            {
                StartWrite();
            }
        }

        // Caller holds the lock.
        private void StartWrite()
        {
            var candle = _pending!.Value;
            _pending = null;
            _lastWrite = _owner._time.GetUtcNow();
            _inFlight = true;
            Interlocked.Increment(ref _owner._writes);
            _writing = WriteAsync(candle);
        }

        private async Task WriteAsync(Candle candle)
        {
            try
            {
                await _owner._store.SetAsync(_series, candle, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Interlocked.Increment(ref _owner._failures);
                _owner._logger.LogWarning(ex, "Live candle write for {Series} failed; the next update retries", _series);
            }

            lock (_gate)
            {
                _inFlight = false;
                // Updates that arrived during the write go out when the interval allows.
                if (_pending is not null && !_timerArmed)
                {
                    WriteOrArm();
                }
            }
        }
    }
}
