namespace CandleDashboard.Exchange.Binance.Streaming;

/// <summary>
/// Ends a connection that went silent (no frame for the receive timeout) or reached its planned
/// age, by cancelling the connection's token; the receive loop then sees why in <see cref="Reason"/>.
/// Timers come from the TimeProvider so tests drive both limits without waiting.
/// </summary>
internal sealed class ConnectionWatchdog : IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _receiveTimeout;
    private readonly CancellationTokenSource _connection;
    private readonly ITimer? _idleTimer;
    private readonly ITimer _ageTimer;
    private long _lastActivity;
    private int _reason = -1;

    public ConnectionWatchdog(TimeProvider timeProvider, TimeSpan receiveTimeout, TimeSpan maxAge, CancellationTokenSource connection)
    {
        _timeProvider = timeProvider;
        _receiveTimeout = receiveTimeout;
        _connection = connection;
        _lastActivity = timeProvider.GetTimestamp();
        if (receiveTimeout > TimeSpan.Zero)
        {
            // Checking a few times per timeout bounds detection to 1.25 × the timeout at little cost.
            var period = receiveTimeout / 4;
            _idleTimer = timeProvider.CreateTimer(static s => ((ConnectionWatchdog)s!).CheckIdle(), this, period, period);
        }

        _ageTimer = timeProvider.CreateTimer(
            static s => ((ConnectionWatchdog)s!).Fire(DropReason.MaxAgeReached), this, maxAge, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Why the watchdog ended the connection, or null if it did not.</summary>
    public DropReason? Reason => Volatile.Read(ref _reason) is var r and >= 0 ? (DropReason)r : null;

    /// <summary>Called on every receive; returns the timestamp so the caller can reuse the clock read.</summary>
    public long MarkActivity()
    {
        var now = _timeProvider.GetTimestamp();
        Volatile.Write(ref _lastActivity, now);
        return now;
    }

    private void CheckIdle()
    {
        if (_timeProvider.GetElapsedTime(Volatile.Read(ref _lastActivity)) >= _receiveTimeout)
        {
            Fire(DropReason.ReceiveTimeout);
        }
    }

    private void Fire(DropReason reason)
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

    public void Dispose()
    {
        _idleTimer?.Dispose();
        _ageTimer.Dispose();
    }
}
