using CandleDashboard.Core.Market;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Hubs;

/// <summary>
/// The public hub at <c>/hubs/candles</c>: other programs follow series and receive
/// <c>candle</c> and <c>data_updated</c> messages. Everything a client sends is validated here;
/// refusals are <see cref="HubException"/>s (the client sees the message, the connection lives on).
/// </summary>
public sealed class CandleHub(
    SeriesCatalog catalog,
    HubSubscriptionRegistry registry,
    IOptions<CandleHubOptions> options,
    HubConnectionEvents events,
    HubGroups groups,
    ILogger<CandleHub> logger) : Hub
{
    public const string Path = "/hubs/candles";

    public async Task Subscribe(string? symbol, string? interval)
    {
        var series = Validate(symbol, interval);
        var max = options.Value.MaxSubscriptionsPerConnection;
        switch (registry.Add(Context.ConnectionId, series, max))
        {
            case HubSubscriptionRegistry.AddResult.LimitReached:
                throw new HubException($"Subscription limit reached: at most {max} series per connection. Unsubscribe from one first.");
            case HubSubscriptionRegistry.AddResult.AlreadySubscribed:
                return;
        }

        try
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, groups.Of(series), Context.ConnectionAborted);
        }
        catch
        {
            // The connection went away mid-call: give the series' reference back.
            registry.Remove(Context.ConnectionId, series);
            throw;
        }
    }

    public async Task Unsubscribe(string? symbol, string? interval)
    {
        var series = Validate(symbol, interval);
        if (registry.Remove(Context.ConnectionId, series))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, groups.Of(series));
        }
    }

    /// <summary>A served series, or a <see cref="HubException"/> whose message is all the client learns.</summary>
    private Series Validate(string? symbol, string? interval)
    {
        var check = catalog.Check(symbol, interval);
        return check.IsValid ? check.Series : throw new HubException(check.Message);
    }

    public override Task OnConnectedAsync()
    {
        events.Connected();
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        // A connection that closes while one of its series is held up by a full buffer is the
        // follower that stopped reading, dropped by SignalR at Hub:SlowFollowerTimeout (or by
        // Kestrel's minimum response rate); see SlowSendWatch for why this is inferred.
        if (registry.AnyFollowed(Context.ConnectionId, h => h is SeriesBroadcaster { IsStalling: true }))
        {
            events.SlowFollowerDropped();
            logger.LogWarning(
                "Dropped hub connection {ConnectionId} from {Address}: it stopped reading (outgoing buffer full for {Timeout}); {Dropped} dropped so far",
                Context.ConnectionId,
                Context.GetHttpContext()?.Connection.RemoteIpAddress,
                options.Value.SlowFollowerTimeout,
                events.SlowFollowersDropped);
        }

        // SignalR drops the connection from its groups itself; the core subscriptions are ours.
        registry.RemoveConnection(Context.ConnectionId);
        events.Disconnected();
        return Task.CompletedTask;
    }
}
