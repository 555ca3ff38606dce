using CandleDashboard.Contracts;
using CandleDashboard.Core.Indicators;

namespace CandleDashboard.Web.Hubs;

/// <summary>
/// The hub's hold on one shared indicator with followers: a lease on its calculator (so it lives while
/// anyone follows it here) and one subscription to its updates, broadcast to the indicator's group as
/// <c>indicator</c> messages, the same way <see cref="SeriesBroadcaster"/> sends candles.
/// </summary>
internal sealed class IndicatorBroadcaster : IHubBroadcast
{
    private readonly IndicatorLease _lease;
    private readonly HubGroupSender<IndicatorUpdate> _sender;
    private readonly IDisposable _subscription;

    /// <param name="followers">Connections in the indicator's group now; counted as pushed updates.</param>
    /// <param name="key">The followed indicator; <paramref name="lease"/> is on its venue's calculator.</param>
    public IndicatorBroadcaster(VenueKey<IndicatorKey> key, IndicatorLease lease, Func<int> followers, HubBroadcastSettings settings)
    {
        _lease = lease;
        var exchange = key.Venue.Id;
        _sender = new HubGroupSender<IndicatorUpdate>(
            key.ToString(), settings.Groups.Of(key), HubMessageNames.Indicator, (update, sentAt) => IndicatorMessage.From(exchange, update, sentAt), followers, settings);

        // Followers read the values so far over the REST API; the hub sends what changes from now on.
        _subscription = lease.Indicator.Subscribe(long.MaxValue, _sender.Offer, out _);
    }

    public bool IsStalling => _sender.IsStalling;

    public void Dispose()
    {
        _subscription.Dispose();
        _sender.Dispose();
        _lease.Dispose();
    }
}
