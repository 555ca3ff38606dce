using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;
using Microsoft.AspNetCore.SignalR;
using CandleDashboard.Web.Venues;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Hubs;

/// <summary>
/// The public hub at <c>/hubs/candles</c>: other programs follow series and receive
/// <c>candle</c> and <c>data_updated</c> messages. Everything a client sends is validated here;
/// refusals are <see cref="HubException"/>s (the client sees the message, the connection lives on).
/// It serves the default venue's series; following another venue's is not offered yet (its candles are
/// in the REST API with <c>?exchange=</c>).
/// </summary>
public sealed class CandleHub(
    VenueDirectory venues,
    HubSubscriptionRegistry<Series> registry,
    HubSubscriptionRegistry<IndicatorKey> indicatorRegistry,
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
            case SubscriptionAddResult.LimitReached:
                throw new HubException($"Subscription limit reached: at most {max} series per connection. Unsubscribe from one first.");
            case SubscriptionAddResult.AlreadySubscribed:
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

    /// <summary>
    /// Follows an indicator of a series: <c>indicator</c> messages with each value that changes (the forming
    /// candle's, each closed candle's, and the values an official candle corrects). The values so far come
    /// from <c>GET /api/indicators/…</c>. Returns the indicator's canonical text (<c>ema(21)</c>), which the
    /// messages carry. The same cap applies as for series, counted separately.
    /// </summary>
    public async Task<string> SubscribeIndicator(string? symbol, string? interval, string? indicator)
    {
        var key = new IndicatorKey(Validate(symbol, interval), ValidateIndicator(indicator));
        IndicatorLease lease;
        try
        {
            // Starts (warms up) the shared calculator if nobody uses it yet; held while the registry opens
            // its broadcast, which takes a lease of its own.
            lease = await venues.Default.Indicators.AcquireAsync(key.Series, key.Spec, Context.ConnectionAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Starting {Indicator} for hub connection {ConnectionId} failed", key, Context.ConnectionId);
            throw new HubException($"{key.Spec.Text} on {key.Series} cannot be computed now: its history could not be read. Try again shortly.");
        }

        using (lease)
        {
            var max = options.Value.MaxSubscriptionsPerConnection;
            switch (indicatorRegistry.Add(Context.ConnectionId, key, max))
            {
                case SubscriptionAddResult.LimitReached:
                    throw new HubException($"Indicator subscription limit reached: at most {max} per connection. Unsubscribe from one first.");
                case SubscriptionAddResult.AlreadySubscribed:
                    return key.Spec.Text;
            }
        }

        try
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, groups.Of(key), Context.ConnectionAborted);
        }
        catch
        {
            indicatorRegistry.Remove(Context.ConnectionId, key);
            throw;
        }

        return key.Spec.Text;
    }

    public async Task UnsubscribeIndicator(string? symbol, string? interval, string? indicator)
    {
        var key = new IndicatorKey(Validate(symbol, interval), ValidateIndicator(indicator));
        if (indicatorRegistry.Remove(Context.ConnectionId, key))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, groups.Of(key));
        }
    }

    private static IndicatorSpec ValidateIndicator(string? text)
    {
        var check = IndicatorSpec.Check(text);
        return check.IsValid ? check.Spec! : throw new HubException(check.Message);
    }

    /// <summary>A served series, or a <see cref="HubException"/> whose message is all the client learns.</summary>
    private Series Validate(string? symbol, string? interval)
    {
        var check = venues.Default.Catalog.Check(symbol, interval);
        return check.IsValid ? check.Series : throw new HubException(check.Message);
    }

    private static bool IsStalling(IDisposable broadcast) => broadcast is IHubBroadcast { IsStalling: true };

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
        if (registry.AnyFollowed(Context.ConnectionId, IsStalling) || indicatorRegistry.AnyFollowed(Context.ConnectionId, IsStalling))
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
        indicatorRegistry.RemoveConnection(Context.ConnectionId);
        events.Disconnected();
        return Task.CompletedTask;
    }
}
