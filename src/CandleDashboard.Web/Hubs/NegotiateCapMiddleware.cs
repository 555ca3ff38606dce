using CandleDashboard.Web.Security;

namespace CandleDashboard.Web.Hubs;

/// <summary>
/// Refuses the public hub's negotiate with 429 and a ProblemDetails body when the client's
/// address already holds its <c>Hub:MaxConnectionsPerAddress</c> connections: a plain HTTP answer
/// before any upgrade, which every client surfaces. (A client that skips negotiation, or races
/// past this check, is refused by <see cref="AddressCapHubFilter"/> when it connects.)
/// </summary>
internal sealed class NegotiateCapMiddleware(RequestDelegate next, ConnectionCaps caps)
{
    public static readonly PathString NegotiatePath = CandleHub.Path + "/negotiate";

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.Equals(NegotiatePath, StringComparison.OrdinalIgnoreCase)
            || !caps.Hub.IsFull(ClientPartitionKey.For(context.Connection.RemoteIpAddress)))
        {
            return next(context);
        }

        return Results.Problem(
            detail: caps.Hub.Refusal,
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many connections",
            // The framework has no default type for 429; this is where the status is defined.
            type: "https://tools.ietf.org/html/rfc6585#section-4").ExecuteAsync(context);
    }
}
