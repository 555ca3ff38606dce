using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CandleDashboard.Exchange.Binance.Tests.Infrastructure;

/// <summary>
/// Kestrel on loopback answering /api/v3/klines and /api/v3/exchangeInfo like Binance: a synthetic
/// 1m series for BTCUSDT from <see cref="SeriesStart"/> to <see cref="SeriesEnd"/> (exclusive), with
/// startTime/endTime/limit honoured, -1121 for other symbols, and injectable error responses.
/// </summary>
public sealed class LoopbackRestServer : IAsyncDisposable
{
    public const long SeriesStart = 1_700_000_040_000; // a minute boundary
    public const int SeriesLength = 2_500;
    public const long SeriesEnd = SeriesStart + SeriesLength * 60_000L;

    private readonly WebApplication _app;

    private LoopbackRestServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Query strings of every request, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Responses to send instead of the normal answer, one per request, first in first out.</summary>
    public ConcurrentQueue<(int Status, string Body, string? RetryAfter)> Injected { get; } = new();

    public int UsedWeight { get; set; } = 42;

    /// <summary>How long every answer is held back (a slow exchange); zero by default.</summary>
    public TimeSpan Delay { get; set; }

    public static async Task<LoopbackRestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackRestServer(app);
        app.Use(async (context, next) =>
        {
            server.Requests.Enqueue(context.Request.Path + context.Request.QueryString);
            if (server.Delay > TimeSpan.Zero)
            {
                await Task.Delay(server.Delay, context.RequestAborted);
            }

            context.Response.Headers["X-MBX-USED-WEIGHT-1M"] = server.UsedWeight.ToString(CultureInfo.InvariantCulture);
            if (server.Injected.TryDequeue(out var injected))
            {
                context.Response.StatusCode = injected.Status;
                if (injected.RetryAfter is not null)
                {
                    context.Response.Headers.RetryAfter = injected.RetryAfter;
                }

                await context.Response.WriteAsync(injected.Body);
                return;
            }

            await next(context);
        });
        app.MapGet("/api/v3/klines", Klines);
        app.MapGet("/api/v3/exchangeInfo", () => Results.Text(
            """{"timezone":"UTC","symbols":[{"symbol":"BTCUSDT","status":"TRADING","filters":[{"filterType":"PRICE_FILTER","minPrice":"0.01000000","tickSize":"0.01000000"},{"filterType":"LOT_SIZE","stepSize":"0.00001000"}]},{"symbol":"OLDCOIN","status":"BREAK","filters":[]},{"symbol":"ETHUSDT","status":"TRADING"}]}""",
            "application/json"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address);
        return server;
    }

    private static IResult Klines(HttpRequest request)
    {
        var q = request.Query;
        if (q["symbol"] != "BTCUSDT")
        {
            return Results.Text("""{"code":-1121,"msg":"Invalid symbol."}""", "application/json", statusCode: 400);
        }

        var limit = q.ContainsKey("limit") ? int.Parse(q["limit"]!, CultureInfo.InvariantCulture) : 500;
        var start = q.ContainsKey("startTime") ? long.Parse(q["startTime"]!, CultureInfo.InvariantCulture) : (long?)null;
        var end = q.ContainsKey("endTime") ? long.Parse(q["endTime"]!, CultureInfo.InvariantCulture) : long.MaxValue;
        var indices = Enumerable.Range(0, SeriesLength)
            .Where(i => SeriesStart + i * 60_000L >= (start ?? long.MinValue) && SeriesStart + i * 60_000L <= end)
            .ToList();
        indices = start is null ? indices.TakeLast(limit).ToList() : indices.Take(limit).ToList();
        var body = new StringBuilder("[");
        foreach (var i in indices)
        {
            var open = SeriesStart + i * 60_000L;
            body.Append(body.Length > 1 ? "," : "").Append(CultureInfo.InvariantCulture,
                $"[{open},\"{100 + i}.00000000\",\"{101 + i}.50000000\",\"{99 + i}.25000000\",\"{100 + i}.75000000\",\"{i}.5\",{open + 59_999},\"{i * 100}.125\",{i},\"0\",\"0\",\"0\"]");
        }

        return Results.Text(body.Append(']').ToString(), "application/json");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
