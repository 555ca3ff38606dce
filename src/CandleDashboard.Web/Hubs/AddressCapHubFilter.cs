using CandleDashboard.Web.Security;
using Microsoft.AspNetCore.SignalR;

namespace CandleDashboard.Web.Hubs;

/// <summary>
/// Takes a per-address slot (<see cref="ConnectionCaps"/>) for every SignalR connection that
/// opens, on the public hub and on Blazor's circuit hub alike (a global hub filter), and gives it
/// back when the connection closes. Over the cap the connection is refused with a
/// <see cref="HubException"/>: SignalR closes it and the client reads the message in the close
/// error (<c>Connection closed with an error. HubException: ...</c>) and does not reconnect.
/// </summary>
/// <remarks>
/// Counting in the hub's own connect/disconnect events (not in middleware around the request)
/// counts exactly the connections that exist, whatever the transport: long polling makes many
/// requests for one connection, and a client may skip negotiation.
/// </remarks>
internal sealed class AddressCapHubFilter(ConnectionCaps caps, ILogger<AddressCapHubFilter> logger) : IHubFilter
{
    private static readonly object SlotKey = new();

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var cap = CapOf(context.Hub);
        var key = ClientPartitionKey.For(context.Context.GetHttpContext()?.Connection.RemoteIpAddress);
        if (!cap.TryAcquire(key))
        {
            logger.LogWarning("Refused a {Hub} connection from {Address}: {Open} of {Max} open", context.Hub.GetType().Name, key, cap.CountOf(key), cap.Max);
            throw new HubException(cap.Refusal);
        }

        context.Context.Items[SlotKey] = key;
        try
        {
            await next(context);
        }
        catch
        {
            // SignalR does not call OnDisconnectedAsync for a connection whose OnConnectedAsync failed.
            context.Context.Items.Remove(SlotKey);
            cap.Release(key);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        finally
        {
            if (context.Context.Items.Remove(SlotKey, out var key))
            {
                CapOf(context.Hub).Release((string)key!);
            }
        }
    }

    // Every hub that is not the public one is Blazor's (its type is internal to the framework).
    private AddressCap CapOf(Hub hub) => hub is CandleHub ? caps.Hub : caps.Circuits;
}
