using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Postgres.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CandleDashboard.Storage.Postgres;

/// <summary>
/// An <see cref="ICandleStore"/> in front of another store (PostgreSQL) whose writes survive a short
/// outage of it: <see cref="UpsertAsync"/> queues the candles in memory and returns; one background
/// loop writes the queue to the inner store strictly in order, retrying with capped backoff until
/// it succeeds. The queue is bounded (<see cref="PostgresOptions.MaxQueuedCandles"/>): when full,
/// <see cref="UpsertAsync"/> waits for room (back-pressure on the fetcher) and logs it once per
/// episode; nothing is ever dropped. Reads go straight to the inner store, so a read may not yet
/// see candles still queued (<see cref="PendingCandles"/>); await <see cref="FlushAsync"/> to be sure.
/// </summary>
public sealed class DurableCandleWriter : ICandleStore, IAsyncDisposable
{
    private readonly ICandleStore _inner;
    private readonly int _capacity;
    private readonly TimeSpan _maxBackoff;
    private readonly TimeSpan _baseBackoff;
    private readonly TimeSpan _shutdownFlushTimeout;
    private readonly ILogger _logger;
    private readonly object _sync = new();
    private readonly Queue<PendingBatch> _queue = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private TaskCompletionSource _roomFreed = NewSignal();
    private TaskCompletionSource _drained = NewSignal();
    private int _queuedCandles;
    private bool _fullReported;
    private bool _disposed;
    private DateTimeOffset? _failingSince;
    private string? _lastError;

    public DurableCandleWriter(ICandleStore inner, PostgresOptions options, ILogger<DurableCandleWriter>? logger = null)
    {
        _inner = inner;
        _capacity = options.MaxQueuedCandles;
        _maxBackoff = options.WriterMaxBackoff;
        _baseBackoff = options.RetryBaseDelay > TimeSpan.Zero ? options.RetryBaseDelay : TimeSpan.FromMilliseconds(50);
        _shutdownFlushTimeout = options.ShutdownFlushTimeout;
        _logger = logger ?? NullLogger<DurableCandleWriter>.Instance;
        _drained.TrySetResult();
        _loop = Task.Run(() => WriteLoopAsync(_stopping.Token));
    }

    public string Name => _inner.Name;

    /// <summary>Candles accepted but not yet written to the inner store.</summary>
    public int PendingCandles
    {
        get
        {
            lock (_sync)
            {
                return _queuedCandles;
            }
        }
    }

    /// <summary>For status pages: what is queued, and since when writes fail (null while they succeed).</summary>
    public DurableWriterStatus Status
    {
        get
        {
            lock (_sync)
            {
                return new DurableWriterStatus(_queuedCandles, _failingSince, _lastError);
            }
        }
    }

    /// <summary>Queues the candles; waits only while the queue is full. A batch larger than the whole bound is accepted into an empty queue.</summary>
    public async Task UpsertAsync(SeriesKey series, IReadOnlyList<Candle> candles, CancellationToken cancellationToken)
    {
        if (candles.Count == 0)
        {
            return;
        }

        var batch = new PendingBatch(series, candles.ToArray());
        while (true)
        {
            Task room;
            lock (_sync)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_queuedCandles == 0 || _queuedCandles + batch.Candles.Length <= _capacity)
                {
                    _queue.Enqueue(batch);
                    _queuedCandles += batch.Candles.Length;
                    if (_drained.Task.IsCompleted)
                    {
                        _drained = NewSignal();
                    }

                    _available.Release();
                    return;
                }

                if (!_fullReported)
                {
                    _fullReported = true;
                    _logger.LogError(
                        "PostgreSQL write queue is full ({Queued} candles, bound {Capacity}): callers now wait until the database accepts writes again; nothing is dropped",
                        _queuedCandles, _capacity);
                }

                room = _roomFreed.Task;
            }

            await room.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Completes when everything queued so far has been written.</summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            return _drained.Task.WaitAsync(cancellationToken);
        }
    }

    public Task<IReadOnlyList<Candle>> GetRecentAsync(SeriesKey series, int count, CancellationToken cancellationToken) =>
        _inner.GetRecentAsync(series, count, cancellationToken);

    public Task<IReadOnlyList<Candle>> GetRangeAsync(SeriesKey series, long fromOpenTime, long toOpenTime, CancellationToken cancellationToken) =>
        _inner.GetRangeAsync(series, fromOpenTime, toOpenTime, cancellationToken);

    public Task<SeriesMetadata?> GetMetadataAsync(SeriesKey series, CancellationToken cancellationToken) =>
        _inner.GetMetadataAsync(series, cancellationToken);

    /// <summary>
    /// Gives the queue up to <see cref="PostgresOptions.ShutdownFlushTimeout"/> to drain, then stops the loop.
    /// Candles still queued are lost with the process: logged as an error with their count.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        Task drained;
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            drained = _drained.Task;

            // Callers waiting for room wake up and get ObjectDisposedException instead of waiting forever.
            _roomFreed.TrySetResult();
        }

        await drained.WaitAsync(_shutdownFlushTimeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var left = PendingCandles;
        if (left > 0)
        {
            _logger.LogError("PostgreSQL write queue stopped with {Count} candles not written; the fetcher re-fetches them after restart", left);
        }

        _stopping.Dispose();
        _available.Dispose();
    }

    private async Task WriteLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            await _available.WaitAsync(stopping).ConfigureAwait(false);
            PendingBatch batch;
            lock (_sync)
            {
                // Peek, not dequeue: the batch stays counted (and blocks later ones) until written.
                batch = _queue.Peek();
            }

            await WriteUntilDoneAsync(batch, stopping).ConfigureAwait(false);
            lock (_sync)
            {
                _queue.Dequeue();
                _queuedCandles -= batch.Candles.Length;
                if (_queuedCandles <= _capacity / 2)
                {
                    // Re-arm the "full" log only after real relief, so a slow drain does not log per batch.
                    _fullReported = false;
                }

                _roomFreed.TrySetResult();
                _roomFreed = NewSignal();
                if (_queuedCandles == 0)
                {
                    _drained.TrySetResult();
                }
            }
        }
    }

    private async Task WriteUntilDoneAsync(PendingBatch batch, CancellationToken stopping)
    {
        DateTimeOffset? failingSince = null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _inner.UpsertAsync(batch.Series, batch.Candles, stopping).ConfigureAwait(false);
                lock (_sync)
                {
                    _failingSince = null;
                    _lastError = null;
                }

                if (failingSince is { } since)
                {
                    _logger.LogWarning("PostgreSQL accepts writes again after {Seconds:0.0} s; {Queued} queued candles being written",
                        (DateTimeOffset.UtcNow - since).TotalSeconds, PendingCandles);
                }

                return;
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                failingSince ??= DateTimeOffset.UtcNow;
                lock (_sync)
                {
                    _failingSince = failingSince;
                    _lastError = ex.Message;
                }

                // Every error is retried, transient or not: dropping official candles is worse than a
                // stuck queue, which the error log and PendingCandles make visible to an operator.
                var delay = RetryPolicy.Backoff(attempt, _baseBackoff, _maxBackoff);
                if (TransientErrors.IsTransient(ex))
                {
                    _logger.LogWarning("PostgreSQL unavailable writing {Count} candles of {Series} (attempt {Attempt}, {Queued} queued): {Error}; retrying in {Delay} ms",
                        batch.Candles.Length, batch.Series, attempt, PendingCandles, ex.Message, (int)delay.TotalMilliseconds);
                }
                else
                {
                    _logger.LogError(ex, "Writing {Count} candles of {Series} to PostgreSQL failed (attempt {Attempt}, {Queued} queued); retrying in {Delay} ms",
                        batch.Candles.Length, batch.Series, attempt, PendingCandles, (int)delay.TotalMilliseconds);
                }

                await Task.Delay(delay, stopping).ConfigureAwait(false);
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record PendingBatch(SeriesKey Series, Candle[] Candles);
}
