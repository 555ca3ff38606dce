namespace CandleDashboard.Exchange.Binance.Streaming;

/// <summary>
/// Watches one connection's clock: ends it (by cancelling its token) when it goes silent for the
/// receive timeout, and tells its owner when it reaches its planned age. The receive loop learns
/// why it was ended from <see cref="Reason"/>. Timers come from the TimeProvider so tests drive
/// both limits without waiting.
/// </summary>
internal sealed class ConnectionWatchdog : IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _receiveTimeout;
    private readonly CancellationTokenSource _connection;
    private readonly Action _onMaxAge;
    private readonly ITimer? _idleTimer;
    private readonly ITimer _ageTimer;
    private ITimer? _endTimer;
    private long _lastActivity;
    private int _reason = -1;
    private int _scheduledReason;
    private bool _disposed;

    public ConnectionWatchdog(TimeProvider timeProvider, TimeSpan receiveTimeout, TimeSpan maxAge, CancellationTokenSource connection, Action onMaxAge)
    {
        _timeProvider = timeProvider;
        _receiveTimeout = receiveTimeout;
        _connection = connection;
        _onMaxAge = onMaxAge;
        _lastActivity = timeProvider.GetTimestamp();
        if (receiveTimeout > TimeSpan.Zero)
        {
            // Checking a few times per timeout bounds detection to 1.25 × the timeout at little cost.
            var period = receiveTimeout / 4;
            _idleTimer = timeProvider.CreateTimer(static s => ((ConnectionWatchdog)s!).CheckIdle(), this, period, period);
        }

        _ageTimer = timeProvider.CreateTimer(static s => ((ConnectionWatchdog)s!)._onMaxAge(), this, maxAge, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Why the connection was ended from outside the receive loop, or null if it was not.</summary>
    public DropReason? Reason => Volatile.Read(ref _reason) is var r and >= 0 ? (DropReason)r : null;

    /// <summary>Called on every receive; returns the timestamp so the caller can reuse the clock read.</summary>
    public long MarkActivity()
    {
        var now = _timeProvider.GetTimestamp();
        Volatile.Write(ref _lastActivity, now);
        return now;
    }

    /// <summary>Ends the connection now; the first reason given wins.</summary>
    public void End(DropReason reason)
    {
        if (Interlocked.CompareExchange(ref _reason, (int)reason, -1) == -1)
        {
            try
            {
                _connection.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The connection already ended on its own.
            }
        }
    }

    /// <summary>Ends the connection after <paramref name="delay"/> on the injected clock.</summary>
    public void EndAfter(DropReason reason, TimeSpan delay)
    {
        Volatile.Write(ref _scheduledReason, (int)reason);
        var timer = _timeProvider.CreateTimer(
            static s => ((ConnectionWatchdog)s!).End((DropReason)Volatile.Read(ref ((ConnectionWatchdog)s!)._scheduledReason)),
            this,
            delay,
            Timeout.InfiniteTimeSpan);
        Interlocked.Exchange(ref _endTimer, timer)?.Dispose();
        if (Volatile.Read(ref _disposed))
        {
            timer.Dispose();
        }
    }

    private void CheckIdle()
    {
        if (_timeProvider.GetElapsedTime(Volatile.Read(ref _lastActivity)) >= _receiveTimeout)
        {
            End(DropReason.ReceiveTimeout);
        }
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        _idleTimer?.Dispose();
        _ageTimer.Dispose();
        Interlocked.Exchange(ref _endTimer, null)?.Dispose();
    }
}
