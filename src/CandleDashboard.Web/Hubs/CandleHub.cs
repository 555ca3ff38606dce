using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Hubs;

/// <summary>
/// The public hub at <c>/hubs/candles</c>: other programs follow series and receive
/// <c>candle</c> and <c>data_updated</c> messages. Everything a client sends is validated here;
/// refusals are <see cref="HubException"/>s (the client sees the message, the connection lives on).
/// </summary>
public sealed class CandleHub(
    SeriesRequestValidator validator,
    HubSubscriptionRegistry registry,
    IOptions<CandleHubOptions> options,
    HubConnectionEvents events) : Hub
{
    public const string Path = "/hubs/candles";

    public async Task Subscribe(string? symbol, string? interval)
    {
        var series = validator.Validate(symbol, interval);
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
            await Groups.AddToGroupAsync(Context.ConnectionId, series.GroupName, Context.ConnectionAborted);
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
        var series = validator.Validate(symbol, interval);
        if (registry.Remove(Context.ConnectionId, series))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, series.GroupName);
        }
    }

    public override Task OnConnectedAsync()
    {
        events.Connected();
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        // SignalR drops the connection from its groups itself; the core subscriptions are ours.
        registry.RemoveConnection(Context.ConnectionId);
        events.Disconnected();
        return Task.CompletedTask;
    }
}
