using CandleDashboard.Core.Exchange;

namespace CandleDashboard.Exchange.Kraken.Streaming;

/// <summary>
/// The feed's counters: the receive loop writes, readers (health, metrics, admin) snapshot from any
/// thread without locks. The last-message time is a monotonic timestamp turned into wall time on read.
/// </summary>
internal sealed class FeedStatusTracker(TimeProvider timeProvider)
{
    private int _state = (int)FeedState.Stopped;
    private long _reconnects;
    private long _trades;
    private long _malformed;
    private long _skipped;
    private long _duplicates;
    private long _heartbeats;
    private long _subscribeFailures;
    private long _lastMessageTimestamp;

    public FeedState State => (FeedState)Volatile.Read(ref _state);

    public long Skipped => Interlocked.Read(ref _skipped);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Heartbeats => Interlocked.Read(ref _heartbeats);

    public long SubscribeFailures => Interlocked.Read(ref _subscribeFailures);

    public void SetState(FeedState state) => Volatile.Write(ref _state, (int)state);

    public void CountReconnect() => Interlocked.Increment(ref _reconnects);

    public void CountTrade() => Interlocked.Increment(ref _trades);

    public void CountMalformed() => Interlocked.Increment(ref _malformed);

    public void CountSkipped() => Interlocked.Increment(ref _skipped);

    public void CountDuplicate() => Interlocked.Increment(ref _duplicates);

    public void CountHeartbeat() => Interlocked.Increment(ref _heartbeats);

    public void CountSubscribeFailure() => Interlocked.Increment(ref _subscribeFailures);

    public void MarkMessage(long timestamp) => Volatile.Write(ref _lastMessageTimestamp, timestamp);

    public FeedStatus Snapshot()
    {
        var last = Volatile.Read(ref _lastMessageTimestamp);
        DateTimeOffset? lastAt = last == 0 ? null : timeProvider.GetUtcNow() - timeProvider.GetElapsedTime(last);
        return new FeedStatus(State, Interlocked.Read(ref _reconnects), Interlocked.Read(ref _trades), Interlocked.Read(ref _malformed), lastAt);
    }
}
