namespace CandleDashboard.Simulator.Kraken;

/// <summary>Accepts WebSocket v2 clients at <c>/v2</c> (Kraken: <c>wss://ws.kraken.com/v2</c>).</summary>
internal sealed class KrakenSocketEndpoint(KrakenHub hub, KrakenPairs pairs, SimulatorOptions options, CancellationToken stopping)
{
    public const string Path = "/v2";

    public void Map(IEndpointRouteBuilder app) => app.Map(Path, AcceptAsync);

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Expected a WebSocket upgrade.");
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = options.PingInterval,
            KeepAliveTimeout = options.PongTimeout,
        });
        var session = new KrakenSession(socket, hub, pairs, options.TimeProvider, options.MaxPendingFramesPerConnection);
        await session.RunAsync(options.MaxConnectionLifetime, stopping);
    }
}
