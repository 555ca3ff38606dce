using CandleDashboard.Core.Exchange;

namespace CandleDashboard.Exchange.Streaming;

/// <summary>
/// A trade feed's counters. The receive loop is the only writer; readers (health, metrics, admin)
/// take a consistent-enough snapshot from any thread without locks. The last-message time is kept
/// as a monotonic timestamp (one cheap clock read per message) and turned into wall time on read.
/// </summary>
/// <remarks>
/// Only what every feed counts lives here; a counter one exchange alone has (Kraken's heartbeats,
/// refused subscriptions, pongs) stays in that adapter's feed.
/// </remarks>
public sealed class FeedStatusTracker
{
    private readonly TimeProvider _timeProvider;
    private int _state = (int)FeedState.Stopped;
    private long _reconnects;
    private long _trades;
    private long _malformed;
    private long _skipped;
    private long _duplicates;
    private long _lastMessageTimestamp;

    public FeedStatusTracker(TimeProvider timeProvider) =>
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    public FeedState State => (FeedState)Volatile.Read(ref _state);

    /// <summary>Well-formed messages that were not trades of ours.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Trades dropped because their id was not above one already delivered.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    public void SetState(FeedState state) => Volatile.Write(ref _state, (int)state);

    public void CountReconnect() => Interlocked.Increment(ref _reconnects);

    public void CountTrade() => Interlocked.Increment(ref _trades);

    public void CountMalformed() => Interlocked.Increment(ref _malformed);

    public void CountSkipped() => Interlocked.Increment(ref _skipped);

    public void CountDuplicate() => Interlocked.Increment(ref _duplicates);

    /// <summary>Records a message's arrival; <paramref name="timestamp"/> is from <see cref="TimeProvider.GetTimestamp"/>.</summary>
    public void MarkMessage(long timestamp) => Volatile.Write(ref _lastMessageTimestamp, timestamp);

    public FeedStatus Snapshot()
    {
        var last = Volatile.Read(ref _lastMessageTimestamp);
        DateTimeOffset? lastAt = last == 0 ? null : _timeProvider.GetUtcNow() - _timeProvider.GetElapsedTime(last);
        return new FeedStatus(
            State,
            Interlocked.Read(ref _reconnects),
            Interlocked.Read(ref _trades),
            Interlocked.Read(ref _malformed),
            lastAt);
    }
}
