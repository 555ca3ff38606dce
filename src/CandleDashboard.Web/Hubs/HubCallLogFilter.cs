using CandleDashboard.Web.Metrics;
using Microsoft.AspNetCore.SignalR;

namespace CandleDashboard.Web.Hubs;

/// <summary>
/// How hub method failures are logged. SignalR's dispatcher logs every exception from a hub method as
/// an error with a stack trace, refusals included (a bad symbol, the subscription limit: a
/// <see cref="HubException"/> whose message the caller reads), so a client sending bad input in a loop
/// would fill the log. Here a refusal is counted (<c>candledashboard.hub.calls_refused</c>) and logged at
/// debug level; anything else stays an error with its stack. The dispatcher's own category is turned
/// down in <see cref="CandleHubHostingExtensions.AddCandleHub"/>.
/// </summary>
internal sealed class HubCallLogFilter(ILogger<HubCallLogFilter> logger, DashboardMetrics? metrics = null) : IHubFilter
{
    /// <summary>SignalR's dispatcher: its per-exception error log is replaced by this filter's.</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var method = invocationContext.HubMethodName;
        try
        {
            return await next(invocationContext);
        }
        catch (HubException refused)
        {
            metrics?.HubCallRefused(method);
            logger.LogDebug("Refused {Hub}.{Method} from connection {Connection}: {Reason}",
                invocationContext.Hub.GetType().Name, method, invocationContext.Context.ConnectionId, refused.Message);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "{Hub}.{Method} failed for connection {Connection}",
                invocationContext.Hub.GetType().Name, method, invocationContext.Context.ConnectionId);
            throw;
        }
    }
}
