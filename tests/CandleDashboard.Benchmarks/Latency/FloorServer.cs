using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CandleDashboard.Benchmarks.Latency;

/// <summary>
/// The floor for tick-to-chart: a bare page whose WebSocket handler writes each message into a
/// DOM node, fed at the same rate as the trades, each message carrying its send time.
/// </summary>
public sealed class FloorServer : IAsyncDisposable
{
    private const string Page = """
        <!DOCTYPE html><html><body><div id="v">-</div><script>
        window.__lat = [];
        const el = document.getElementById('v');
        const ws = new WebSocket(location.href.replace('http', 'ws') + 'ws');
        ws.onmessage = m => {
            const sent = Number(m.data);
            el.textContent = m.data;
            window.__lat.push(performance.timeOrigin + performance.now() - sent);
        };
        </script></body></html>
        """;

    private readonly WebApplication _app;

    private FloorServer(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public static async Task<FloorServer> StartAsync(int messagesPerSecond, WallClock clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        app.MapGet("/", () => Results.Content(Page, "text/html"));
        app.Map("/ws", async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / messagesPerSecond));
            try
            {
                while (await timer.WaitForNextTickAsync(context.RequestAborted))
                {
                    var text = clock.NowMs().ToString("0.000", CultureInfo.InvariantCulture);
                    await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                // The page went away.
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FloorServer(app) { Address = new Uri(address.EndsWith('/') ? address : address + "/") };
    }

    public async Task<Percentiles> MeasureAsync(IBrowser browser, TimeSpan duration)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Address.ToString());
        await Task.Delay(duration); // the measurement window
        var samples = (await page.EvaluateAsync<JsonElement>("() => window.__lat")).EnumerateArray().Select(e => e.GetDouble()).ToList();
        await page.CloseAsync();
        return Percentiles.Of(samples);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
