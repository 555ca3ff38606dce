using System.Threading.Channels;
using CandleDashboard.Contracts;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Metrics;
using Microsoft.AspNetCore.SignalR;

namespace CandleDashboard.Web.Hubs;

/// <summary>
/// The one core subscription of a series with hub followers, broadcasting each update to the
/// series' group. SignalR serializes a group message once for all its connections.
/// </summary>
/// <remarks>
/// <para>
/// Who waits on whom: the core's handler only enqueues (it must not block). One sender drains the
/// queue, so updates leave in the order the core produced them (a closed candle before the next
/// forming one), and it never waits for a follower: each group send writes the message into every
/// connection's outgoing pipe and returns; the part still pending (followers whose pipe is full)
/// is left to SignalR with a deadline (<see cref="HubSendDeadline"/>), after which SignalR aborts
/// those connections. One follower that stops reading therefore delays nobody else, not even for
/// the deadline. The stalled follower is dropped, counted and logged by <see cref="CandleHub"/>;
/// a client that reconnects subscribes again and reads history over the REST API.
/// </para>
/// <para>
/// What is bounded: the queue (<see cref="QueueCapacity"/>, in case sending itself falls behind),
/// each connection's pipe (SignalR's 64 KiB), and the messages waiting for a stalled follower
/// (SignalR's per-connection write queue; at most rate × <see cref="CandleHubOptions.SlowFollowerTimeout"/>).
/// </para>
/// </remarks>
internal sealed class SeriesBroadcaster : IDisposable
{
    /// <summary>
    /// About 25 s of updates at the core's coalesced rate. Sends no longer wait for followers, so
    /// the queue stays near empty; the bound is for a sender starved of CPU: past it the oldest
    /// queued update is dropped and counted, and followers catch up on the next one.
    /// </summary>
    private const int QueueCapacity = 256;

    private readonly Channel<CandleUpdate> _queue;
    private long _dropped;
    private long _failedSends;
    private long _lateSends;
    private readonly TimeSpan _slowFollowerTimeout;
    private readonly SlowSendWatch _watch;
    private readonly IHubContext<CandleHub> _hub;
    private readonly Series _series;
    private readonly string _group;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Func<int> _followers;
    private readonly DashboardMetrics? _metrics;
    private readonly IDisposable _coreSubscription;
    private readonly Task _sender;

    /// <param name="group">This instance's group of the series (<see cref="HubGroups"/>).</param>
    /// <param name="followers">Connections in the series' group now; counted as pushed updates.</param>
    /// <param name="slowFollowerTimeout">How long a send may wait for a follower whose buffer is full before SignalR aborts it.</param>
    public SeriesBroadcaster(Series series, string group, ILiveCandleStream stream, IHubContext<CandleHub> hub, TimeProvider clock, ILogger logger, Func<int> followers, DashboardMetrics? metrics, TimeSpan slowFollowerTimeout)
    {
        _slowFollowerTimeout = slowFollowerTimeout;
        _watch = new SlowSendWatch(clock);
        _queue = Channel.CreateBounded<CandleUpdate>(
            new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest },
            _ => OnDropped());
        _followers = followers;
        _metrics = metrics;
        _series = series;
        _group = group;
        _hub = hub;
        _clock = clock;
        _logger = logger;
        _sender = Task.Run(SendLoopAsync);
        _coreSubscription = stream.Subscribe(series.Symbol, series.Interval, u => _queue.Writer.TryWrite(u));
    }

    /// <summary>Updates dropped because the queue was full (the sender starved).</summary>
    public long DroppedUpdates => Interlocked.Read(ref _dropped);

    /// <summary>True while (or just after) a follower that stopped reading holds up this series' sends (see <see cref="SlowSendWatch"/>).</summary>
    public bool IsStalling => _watch.IsStalling;

    /// <summary>Sends at least one follower did not take before the deadline (SignalR aborted those followers).</summary>
    public long LateSends => Interlocked.Read(ref _lateSends);

    public void Dispose()
    {
        _coreSubscription.Dispose();
        _queue.Writer.TryComplete();
    }

    private void OnDropped()
    {
        if (Interlocked.Increment(ref _dropped) % QueueCapacity == 1)
        {
            _logger.LogWarning("Hub broadcast of {Series} is behind; dropped {Dropped} queued updates so far", _series, DroppedUpdates);
        }
    }

    private async Task SendLoopAsync()
    {
        await foreach (var update in _queue.Reader.ReadAllAsync())
        {
            var message = CandleMessage.From(update, _clock.GetUtcNow().ToUnixTimeMilliseconds());
            HubSendDeadline.Start(
                deadline => _hub.Clients.Group(_group).SendAsync(HubMessageNames.Candle, message, deadline),
                _slowFollowerTimeout,
                _watch,
                OnSendFailed);
            _metrics?.UpdatesPushed(_followers());
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
                _logger.LogInformation("Hub broadcast of {Series}: {Late} sends waited {Timeout} for a stalled follower, which was dropped", _series, LateSends, _slowFollowerTimeout);
            }

            return;
        }

        // A failed send must not end the series for every other follower. With the Redis
        // backplane every send fails while Redis is away (about 10 a second per series), so
        // the first failure is logged with its exception and then one line per 100.
        var failed = Interlocked.Increment(ref _failedSends);
        if (failed == 1)
        {
            _logger.LogWarning(ex, "Hub broadcast of {Series} failed", _series);
        }
        else if (failed % 100 == 0)
        {
            _logger.LogWarning("Hub broadcast of {Series} failed {Failed} times so far: {Reason}", _series, failed, ex.Message);
        }
    }
}
