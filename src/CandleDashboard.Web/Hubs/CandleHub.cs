using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;
using Microsoft.AspNetCore.SignalR;
using CandleDashboard.Web.Venues;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Hubs;

/// <summary>
/// The public hub at <c>/hubs/candles</c>: other programs follow series and receive
/// <c>candle</c>, <c>indicator</c> and <c>data_updated</c> messages. Everything a client sends is validated
/// here; refusals are <see cref="HubException"/>s (the client sees the message, the connection lives on).
/// </summary>
/// <remarks>
/// Every venue is served. The methods without an exchange are the default venue's, as they were before
/// there were several (existing clients keep working); each has a twin taking the exchange first
/// (<c>SubscribeExchange("kraken", "BTCUSD", "1m")</c>). Twins have names of their own because SignalR
/// binds a method by name, not by argument count.
/// </remarks>
public sealed class CandleHub(
    VenueDirectory venues,
    HubSubscriptionRegistry<VenueKey<Series>> registry,
    HubSubscriptionRegistry<VenueKey<IndicatorKey>> indicatorRegistry,
    IOptions<CandleHubOptions> options,
    HubConnectionEvents events,
    HubGroups groups,
    ILogger<CandleHub> logger) : Hub
{
    public const string Path = "/hubs/candles";

    public Task Subscribe(string? symbol, string? interval) => SubscribeOn(venues.Default, symbol, interval);

    public Task Unsubscribe(string? symbol, string? interval) => UnsubscribeOn(venues.Default, symbol, interval);

    /// <summary>
    /// Follows an indicator of a series: <c>indicator</c> messages with each value that changes (the forming
    /// candle's, each closed candle's, and the values an official candle corrects). The values so far come
    /// from <c>GET /api/indicators/…</c>. Returns the indicator's canonical text (<c>ema(21)</c>), which the
    /// messages carry. The same cap applies as for series, counted separately.
    /// </summary>
    public Task<string> SubscribeIndicator(string? symbol, string? interval, string? indicator) =>
        SubscribeIndicatorOn(venues.Default, symbol, interval, indicator);

    public Task UnsubscribeIndicator(string? symbol, string? interval, string? indicator) =>
        UnsubscribeIndicatorOn(venues.Default, symbol, interval, indicator);

    /// <summary><see cref="Subscribe"/> on a venue (<c>binance</c>, <c>kraken</c>; null or empty: the default).</summary>
    public Task SubscribeExchange(string? exchange, string? symbol, string? interval) => SubscribeOn(Resolve(exchange), symbol, interval);

    public Task UnsubscribeExchange(string? exchange, string? symbol, string? interval) => UnsubscribeOn(Resolve(exchange), symbol, interval);

    public Task<string> SubscribeExchangeIndicator(string? exchange, string? symbol, string? interval, string? indicator) =>
        SubscribeIndicatorOn(Resolve(exchange), symbol, interval, indicator);

    public Task UnsubscribeExchangeIndicator(string? exchange, string? symbol, string? interval, string? indicator) =>
        UnsubscribeIndicatorOn(Resolve(exchange), symbol, interval, indicator);

    private async Task SubscribeOn(Venue venue, string? symbol, string? interval)
    {
        var series = Validate(venue, symbol, interval);
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

    private async Task UnsubscribeOn(Venue venue, string? symbol, string? interval)
    {
        var series = Validate(venue, symbol, interval);
        if (registry.Remove(Context.ConnectionId, series))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, groups.Of(series));
        }
    }

    private async Task<string> SubscribeIndicatorOn(Venue venue, string? symbol, string? interval, string? indicator)
    {
        var key = ValidateIndicator(venue, symbol, interval, indicator);
        var (series, spec) = (key.Key.Series, key.Key.Spec);
        IndicatorLease lease;
        try
        {
            // Starts (warms up) the shared calculator if nobody uses it yet; held while the registry opens
            // its broadcast, which takes a lease of its own.
            lease = await venue.Indicators.AcquireAsync(series, spec, Context.ConnectionAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Starting {Indicator} for hub connection {ConnectionId} failed", key, Context.ConnectionId);
            throw new HubException($"{spec.Text} on {series} cannot be computed now: its history could not be read. Try again shortly.");
        }

        using (lease)
        {
            var max = options.Value.MaxSubscriptionsPerConnection;
            switch (indicatorRegistry.Add(Context.ConnectionId, key, max))
            {
                case SubscriptionAddResult.LimitReached:
                    throw new HubException($"Indicator subscription limit reached: at most {max} per connection. Unsubscribe from one first.");
                case SubscriptionAddResult.AlreadySubscribed:
                    return spec.Text;
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

        return spec.Text;
    }

    private async Task UnsubscribeIndicatorOn(Venue venue, string? symbol, string? interval, string? indicator)
    {
        var key = ValidateIndicator(venue, symbol, interval, indicator);
        if (indicatorRegistry.Remove(Context.ConnectionId, key))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, groups.Of(key));
        }
    }

    /// <summary>The requested venue, or the API's refusal text for an unknown one (input echoed safely).</summary>
    private Venue Resolve(string? exchange) =>
        venues.TryGet(exchange, out var venue) ? venue : throw new HubException(venues.Unknown(InputEcho.Of(exchange!)));

    private static VenueKey<IndicatorKey> ValidateIndicator(Venue venue, string? symbol, string? interval, string? text)
    {
        var series = Validate(venue, symbol, interval).Key;
        var check = IndicatorSpec.Check(text);
        return check.IsValid ? new(venue, new IndicatorKey(series, check.Spec!)) : throw new HubException(check.Message);
    }

    /// <summary>A series the venue serves, or a <see cref="HubException"/> whose message is all the client learns.</summary>
    private static VenueKey<Series> Validate(Venue venue, string? symbol, string? interval)
    {
        var check = venue.Catalog.Check(symbol, interval);
        return check.IsValid ? new(venue, check.Series) : throw new HubException(check.Message);
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
