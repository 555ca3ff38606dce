using CandleDashboard.Contracts;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Market;

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
/// What is bounded: the queue (256 updates, in case sending itself falls behind),
/// each connection's pipe (SignalR's 64 KiB), and the messages waiting for a stalled follower
/// (SignalR's per-connection write queue; at most rate × <see cref="CandleHubOptions.SlowFollowerTimeout"/>).
/// </para>
/// </remarks>
internal sealed class SeriesBroadcaster : IHubBroadcast
{
    private readonly HubGroupSender<CandleUpdate> _sender;
    private readonly IDisposable _coreSubscription;

    /// <param name="followers">Connections in the series' group now; counted as pushed updates.</param>
    /// <param name="series">Read from its venue's own live stream; the messages carry the venue id.</param>
    public SeriesBroadcaster(VenueKey<Series> series, Func<int> followers, HubBroadcastSettings settings)
    {
        var exchange = series.Venue.Id;
        _sender = new HubGroupSender<CandleUpdate>(
            series.ToString(), settings.Groups.Of(series), HubMessageNames.Candle, (update, sentAt) => CandleMessage.From(exchange, update, sentAt), followers, settings);
        _coreSubscription = series.Venue.Live.Subscribe(series.Key.Symbol, series.Key.Interval, _sender.Offer);
    }

    /// <summary>Updates dropped because the queue was full (the sender starved).</summary>
    public long DroppedUpdates => _sender.DroppedUpdates;

    public bool IsStalling => _sender.IsStalling;

    /// <summary>Sends at least one follower did not take before the deadline (SignalR aborted those followers).</summary>
    public long LateSends => _sender.LateSends;

    public void Dispose()
    {
        _coreSubscription.Dispose();
        _sender.Dispose();
    }
}
