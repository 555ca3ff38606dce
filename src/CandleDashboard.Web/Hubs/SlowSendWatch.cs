namespace CandleDashboard.Web.Hubs;

/// <summary>
/// Whether a series' broadcasts are waiting on a follower that stopped reading, now or a moment
/// ago: a send is pending (a healthy follower takes every message at once, so any pending send
/// means some follower's buffer is full), or one that waited at least <see cref="SlowAfter"/> ended
/// within the last <see cref="Memory"/>. Thread-safe.
/// </summary>
/// <remarks>
/// SignalR does not say which connection of a group held a send up, nor why a connection closed
/// (its write failure is internal). A connection that closes while its series is stalling is
/// therefore taken to be the stalled follower (dropped by SignalR at the deadline, or by Kestrel's
/// minimum response rate, whichever comes first). A healthy follower that happens to leave in the
/// same second would be counted too; that is rare and only affects the count.
/// </remarks>
internal sealed class SlowSendWatch(TimeProvider clock)
{
    public static readonly TimeSpan SlowAfter = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan Memory = TimeSpan.FromSeconds(2);

    private int _pending;
    private long _lastSlowEnd = long.MinValue;

    /// <summary>A send did not complete at once; returns when it started, for <see cref="Ended"/>.</summary>
    public long Pending()
    {
        Interlocked.Increment(ref _pending);
        return clock.GetTimestamp();
    }

    public void Ended(long startedAt)
    {
        if (clock.GetElapsedTime(startedAt) >= SlowAfter)
        {
            Interlocked.Exchange(ref _lastSlowEnd, clock.GetTimestamp());
        }

        Interlocked.Decrement(ref _pending);
    }

    public bool IsStalling
    {
        get
        {
            if (Volatile.Read(ref _pending) > 0)
            {
                return true;
            }

            var last = Interlocked.Read(ref _lastSlowEnd);
            return last != long.MinValue && clock.GetElapsedTime(last) <= Memory;
        }
    }
}
