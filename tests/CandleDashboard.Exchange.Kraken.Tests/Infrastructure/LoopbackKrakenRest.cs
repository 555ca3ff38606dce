using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CandleDashboard.Exchange.Kraken.Tests.Infrastructure;

/// <summary>
/// Kestrel on loopback answering Kraken's public REST paths: AssetPairs (the sample), OHLC and
/// Trades for XBTUSDT (the recorded answers from ../shared/data/kraken, whatever the query), Time,
/// "EQuery:Unknown asset pair" for other pairs, and injectable answers ahead of the normal ones.
/// </summary>
public sealed class LoopbackKrakenRest : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackKrakenRest(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Path and query of every request, in order (e.g. <c>/0/public/OHLC?pair=XBTUSDT&amp;interval=1</c>).</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Answers (status, body) sent instead of the normal one, one per request, first in first out.</summary>
    public ConcurrentQueue<(int Status, string Body)> Injected { get; } = new();

    public static async Task<LoopbackKrakenRest> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackKrakenRest(app);
        app.Use(async (context, next) =>
        {
            server.Requests.Enqueue(context.Request.Path + context.Request.QueryString);
            if (server.Injected.TryDequeue(out var injected))
            {
                context.Response.StatusCode = injected.Status;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(injected.Body);
                return;
            }

            await next(context);
        });
        app.MapGet("/0/public/AssetPairs", () => Results.Text(KrakenSamples.AssetPairs, "application/json"));
        app.MapGet("/0/public/Time", () => Results.Text("""{"error":[],"result":{"unixtime":1762820000,"rfc1123":"Tue, 11 Nov 25 00:13:20 +0000"}}""", "application/json"));
        app.MapGet("/0/public/OHLC", (HttpRequest request) => Recorded(request, "XBTUSDT-ohlc-1m.json"));
        app.MapGet("/0/public/Trades", (HttpRequest request) => Recorded(request, "XBTUSDT-trades.json"));
        await app.StartAsync();
        server.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    private static IResult Recorded(HttpRequest request, string fileName) =>
        request.Query["pair"] == "XBTUSDT"
            ? Results.Text(File.ReadAllText(SharedData.PathOf("kraken", fileName)), "application/json")
            : Results.Text("""{"error":["EQuery:Unknown asset pair"]}""", "application/json");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
