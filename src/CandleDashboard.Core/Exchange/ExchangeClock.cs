namespace CandleDashboard.Core.Exchange;

/// <summary>
/// The exchange's time as this process best knows it: the local clock plus an offset measured
/// against the exchange's own clock. Buckets close, klines count as closed and trades count as
/// "from the future" by this clock, so a local clock that is seconds ahead never stores a forming
/// kline as official, and one that is behind rejects no good trade. Timers and stopwatches are the
/// local clock's (an offset does not change how long a second is).
/// </summary>
public sealed class ExchangeClock(TimeProvider local) : TimeProvider
{
    private readonly TaskCompletionSource _synchronized = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _offsetTicks;

    /// <summary>Exchange time minus local time; zero until the first measurement.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Volatile.Read(ref _offsetTicks));

    /// <summary>Completes at the first measurement.</summary>
    public Task Synchronized => _synchronized.Task;

    /// <summary>
    /// Waits up to <paramref name="budget"/> for the first measurement; false when it did not come
    /// (the exchange unreachable): the caller goes on with the local clock rather than not at all.
    /// </summary>
    public async Task<bool> WaitSynchronizedAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        try
        {
            await _synchronized.Task.WaitAsync(budget, local, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public override DateTimeOffset GetUtcNow() => local.GetUtcNow() + Offset;

    public override long GetTimestamp() => local.GetTimestamp();

    public override long TimestampFrequency => local.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => local.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        local.CreateTimer(callback, state, dueTime, period);

    /// <summary>
    /// Takes one measurement: the exchange said <paramref name="serverTime"/> to a request sent at
    /// <paramref name="sentAt"/> and answered at <paramref name="receivedAt"/> (local times). The
    /// server read its clock somewhere in between; the midpoint is the best guess (NTP's rule).
    /// </summary>
    public void Observe(DateTimeOffset serverTime, DateTimeOffset sentAt, DateTimeOffset receivedAt)
    {
        if (receivedAt < sentAt)
        {
            throw new ArgumentException("The answer cannot arrive before the request was sent.", nameof(receivedAt));
        }

        var halfTrip = (receivedAt - sentAt) / 2;
        var offset = serverTime - (sentAt + halfTrip);

        // A difference the measurement cannot see (within half the round trip, plus the millisecond the
        // server's time is truncated to) is noise: applying it would only move bucket ends by a few ms,
        // enough to make trades at a boundary "late" when both clocks in fact agree.
        var resolution = halfTrip + TimeSpan.FromMilliseconds(1);
        Volatile.Write(ref _offsetTicks, offset.Duration() <= resolution ? 0 : offset.Ticks);
        _synchronized.TrySetResult();
    }

    /// <summary>The local time this clock reads without the offset (for the measurement itself).</summary>
    public DateTimeOffset LocalNow => local.GetUtcNow();
}
