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
/// Updates go through a queue drained by one sender so they leave in the order the core produced
/// them (a closed candle before the next forming one); the core's handler only enqueues, because
/// it must not block. The core already coalesces (≤ 1 forming update per 100 ms), so the queue
/// stays short unless a send stalls; then it is bounded (see <see cref="QueueCapacity"/>).
/// </remarks>
internal sealed class SeriesBroadcaster : IDisposable
{
    /// <summary>
    /// About 25 s of updates at the core's coalesced rate. Bounded so a stalled send (a follower
    /// that stopped reading holds up a group write) cannot grow memory without end: past it the
    /// oldest queued update is dropped and counted, and followers catch up on the next one.
    /// </summary>
    private const int QueueCapacity = 256;

    private readonly Channel<CandleUpdate> _queue;
    private long _dropped;
    private long _failedSends;
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
    public SeriesBroadcaster(Series series, string group, ILiveCandleStream stream, IHubContext<CandleHub> hub, TimeProvider clock, ILogger logger, Func<int> followers, DashboardMetrics? metrics)
    {
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

    /// <summary>Updates dropped because the queue was full (a stalled send).</summary>
    public long DroppedUpdates => Interlocked.Read(ref _dropped);

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
            try
            {
                var message = CandleMessage.From(update, _clock.GetUtcNow().ToUnixTimeMilliseconds());
                await _hub.Clients.Group(_group).SendAsync(HubMessageNames.Candle, message);
                _metrics?.UpdatesPushed(_followers());
            }
            catch (Exception ex)
            {
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
    }
}
