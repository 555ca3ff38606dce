using Microsoft.AspNetCore.Http;

namespace CandleDashboard.Simulator.Streaming;

/// <summary>
/// Accepts Binance's two stream URL styles: raw <c>/ws/&lt;stream&gt;</c> (events as-is) and combined
/// <c>/stream?streams=a/b</c> (events wrapped in <c>{"stream":…,"data":…}</c>). Either may start empty and
/// SUBSCRIBE later. Pings every <see cref="SimulatorOptions.PingInterval"/>, drops a client that does not
/// pong within <see cref="SimulatorOptions.PongTimeout"/> or lives past <see cref="SimulatorOptions.MaxConnectionLifetime"/>.
/// </summary>
internal sealed class StreamEndpoint(StreamHub hub, SimulatorOptions options, CancellationToken stopping)
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.Map("/ws", context => AcceptAsync(context, "", combined: false));
        app.Map("/ws/{**streams}", context => AcceptAsync(context, context.Request.RouteValues["streams"] as string, combined: false));
        app.Map("/stream", context => AcceptAsync(context, context.Request.Query["streams"].ToString(), combined: true));
    }

    private async Task AcceptAsync(HttpContext context, string? streamList, bool combined)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Expected a WebSocket upgrade.");
            return;
        }

        var streams = new List<StreamName>();
        foreach (var text in (streamList ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!StreamName.TryParse(text, out var stream))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync($"Invalid stream name '{text}': the simulator serves <symbol>@trade, <symbol>@aggTrade and <symbol>@kline_<interval>.");
                return;
            }

            streams.Add(stream);
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = options.PingInterval,
            KeepAliveTimeout = options.PongTimeout,
        });
        var connection = new ClientConnection(socket, hub, combined, options.MaxPendingFramesPerConnection);
        await connection.RunAsync(streams, options.MaxConnectionLifetime, options.TimeProvider, stopping);
    }
}
