using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace CandleDashboard.Web.Hubs;

/// <summary>
/// Sends one producer's updates to a hub group, in order, without ever waiting for a follower: the
/// sending half of <see cref="SeriesBroadcaster"/> and <see cref="IndicatorBroadcaster"/> (see the
/// former for who waits on whom and what is bounded).
/// </summary>
internal sealed class HubGroupSender<TUpdate> : IDisposable
{
    /// <summary>
    /// About 25 s of updates at the core's coalesced rate. Sends no longer wait for followers, so
    /// the queue stays near empty; the bound is for a sender starved of CPU: past it the oldest
    /// queued update is dropped and counted, and followers catch up on the next one.
    /// </summary>
    private const int QueueCapacity = 256;

    private readonly Channel<TUpdate> _queue;
    private readonly string _what;
    private readonly string _group;
    private readonly string _messageName;
    private readonly Func<TUpdate, long, object> _toMessage;
    private readonly HubBroadcastSettings _settings;
    private readonly ILogger _logger;
    private readonly Func<int> _followers;
    private readonly SlowSendWatch _watch;
    private readonly Task _sender;
    private long _dropped;
    private long _failedSends;
    private long _lateSends;

    /// <param name="what">What is broadcast, for log lines (e.g. <c>BTCUSDT 1m</c>).</param>
    /// <param name="group">This instance's group of followers (<see cref="HubGroups"/>).</param>
    /// <param name="messageName">The client-side method (<see cref="HubMessageNames"/>).</param>
    /// <param name="toMessage">The wire message of an update, given the send time (UTC epoch ms).</param>
    /// <param name="followers">Connections in the group now; counted as pushed updates.</param>
    public HubGroupSender(string what, string group, string messageName, Func<TUpdate, long, object> toMessage, Func<int> followers, HubBroadcastSettings settings)
    {
        _what = what;
        _group = group;
        _messageName = messageName;
        _toMessage = toMessage;
        _settings = settings;
        _logger = settings.Logger;
        _followers = followers;
        _watch = new SlowSendWatch(settings.Clock);
        _queue = Channel.CreateBounded<TUpdate>(
            new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest },
            _ => OnDropped());
        _sender = Task.Run(SendLoopAsync);
    }

    /// <summary>Updates dropped because the queue was full (the sender starved).</summary>
    public long DroppedUpdates => Interlocked.Read(ref _dropped);

    /// <summary>True while (or just after) a follower that stopped reading holds up this group's sends (see <see cref="SlowSendWatch"/>).</summary>
    public bool IsStalling => _watch.IsStalling;

    /// <summary>Sends at least one follower did not take before the deadline (SignalR aborted those followers).</summary>
    public long LateSends => Interlocked.Read(ref _lateSends);

    /// <summary>Queues an update; never blocks (the producer's thread serves everyone).</summary>
    public void Offer(TUpdate update) => _queue.Writer.TryWrite(update);

    public void Dispose() => _queue.Writer.TryComplete();

    private void OnDropped()
    {
        if (Interlocked.Increment(ref _dropped) % QueueCapacity == 1)
        {
            _logger.LogWarning("Hub broadcast of {What} is behind; dropped {Dropped} queued updates so far", _what, DroppedUpdates);
        }
    }

    private async Task SendLoopAsync()
    {
        await foreach (var update in _queue.Reader.ReadAllAsync())
        {
            var message = _toMessage(update, _settings.Clock.GetUtcNow().ToUnixTimeMilliseconds());
            HubSendDeadline.Start(
                deadline => _settings.Hub.Clients.Group(_group).SendAsync(_messageName, message, deadline),
                _settings.SlowFollowerTimeout,
                _watch,
                OnSendFailed);
            _settings.Metrics?.UpdatesPushed(_followers());
        }
    }

    private void OnSendFailed(Exception ex)
    {
        if (ex is OperationCanceledException)
        {
            // A follower's buffer stayed full past the deadline: SignalR aborts it, CandleHub logs
            // and counts the drop per connection. Here only a summary, once per 100.
            if (Interlocked.Increment(ref _lateSends) % 100 == 1)
            {
                _logger.LogInformation("Hub broadcast of {What}: {Late} sends waited {Timeout} for a stalled follower, which was dropped", _what, LateSends, _settings.SlowFollowerTimeout);
            }

            return;
        }

        // A failed send must not end the broadcast for every other follower. With the Redis
        // backplane every send fails while Redis is away (about 10 a second per series), so
        // the first failure is logged with its exception and then one line per 100.
        var failed = Interlocked.Increment(ref _failedSends);
        if (failed == 1)
        {
            _logger.LogWarning(ex, "Hub broadcast of {What} failed", _what);
        }
        else if (failed % 100 == 0)
        {
            _logger.LogWarning("Hub broadcast of {What} failed {Failed} times so far: {Reason}", _what, failed, ex.Message);
        }
    }
}
