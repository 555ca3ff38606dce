using CandleDashboard.Core.Exchange;

namespace CandleDashboard.Exchange.Binance.Streaming;

/// <summary>
/// The feed's counters. The receive loop is the only writer; readers (health page, metrics) take
/// a consistent-enough snapshot from any thread without locks. The last-message time is kept as a
/// monotonic timestamp (one cheap clock read per message) and turned into wall time on read.
/// </summary>
internal sealed class FeedStatusTracker
{
    private readonly TimeProvider _timeProvider;
    private int _state = (int)FeedState.Stopped;
    private long _reconnects;
    private long _trades;
    private long _malformed;
    private long _skipped;
    private long _duplicates;
    private long _lastMessageTimestamp;

    public FeedStatusTracker(TimeProvider timeProvider) => _timeProvider = timeProvider;

    public FeedState State => (FeedState)Volatile.Read(ref _state);

    public long Skipped => Interlocked.Read(ref _skipped);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public void SetState(FeedState state) => Volatile.Write(ref _state, (int)state);

    public void CountReconnect() => Interlocked.Increment(ref _reconnects);

    public void CountTrade() => Interlocked.Increment(ref _trades);

    public void CountMalformed() => Interlocked.Increment(ref _malformed);

    public void CountSkipped() => Interlocked.Increment(ref _skipped);

    public void CountDuplicate() => Interlocked.Increment(ref _duplicates);

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
