namespace CandleDashboard.Simulator.Rest;

/// <summary>
/// Applies <see cref="SimulatorFaults"/> in front of the REST endpoints of both venues (WebSocket upgrades pass
/// untouched). A status fault answers in the venue's error body: Binance's <c>{"code":…,"msg":…}</c>, or on
/// Kraken's <c>/0/</c> paths <c>{"error":["EService:Unavailable"]}</c> (429/418: <c>EAPI:Rate limit exceeded</c>).
/// </summary>
internal static class RestFaultMiddleware
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next, SimulatorFaults faults)
    {
        if (context.WebSockets.IsWebSocketRequest || !faults.AnyRestFault)
        {
            await next();
            return;
        }

        faults.CountFaulted();
        var aborted = context.RequestAborted;
        try
        {
            if (faults.RestHangs)
            {
                // Holds the request until the client gives up or the switch goes off (polled, so a
                // hang can end mid-request like a stalled upstream recovering).
                while (faults.RestHangs)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(50), aborted);
                }
            }

            if (faults.RestDelay is { } delay && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return; // the client went away
        }

        if (faults.RestStatus is var status and > 0)
        {
            context.Response.StatusCode = status;
            if (status is 429 or 418)
            {
                context.Response.Headers.RetryAfter = faults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            context.Response.ContentType = "application/json;charset=UTF-8";
            if (context.Request.Path.StartsWithSegments("/0", StringComparison.Ordinal))
            {
                await context.Response.WriteAsync(
                    Kraken.KrakenResponse.ErrorBody(status is 429 or 418 ? Kraken.KrakenResponse.RateLimitExceeded : Kraken.KrakenResponse.ServiceUnavailable),
                    aborted);
                return;
            }

            await context.Response.WriteAsync(status is 429 or 418
                ? """{"code":-1003,"msg":"Too many requests; simulated."}"""
                : """{"code":-1001,"msg":"Internal error; simulated."}""", aborted);
            return;
        }

        if (faults.RestGarbage)
        {
            context.Response.ContentType = "application/json;charset=UTF-8";
            await context.Response.WriteAsync("<html>502 Bad Gateway</html>", aborted);
            return;
        }

        await next();
    }
}
