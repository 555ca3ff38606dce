using System.Globalization;
using System.Text.Json;
using CandleDashboard.Benchmarks.Latency;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace CandleDashboard.Benchmarks.Circuits;

/// <summary>
/// One chart tab without a browser: a real Blazor Server circuit opened the way blazor.web.js opens
/// it (GET the page, read its component markers, negotiate on <c>/_blazor</c>, WebSockets, the
/// blazorpack handshake, <c>StartCircuit</c>, then <c>UpdateRootComponents</c> once the renderer has
/// attached), every render batch acknowledged as it arrives, every JS interop call answered by an
/// <see cref="EmulatedBrowser"/>, and the chart's first scroll-back request made as the chart module
/// makes it after drawing. Closed like a tab: the connection stops and <c>_blazor/disconnect</c>
/// releases the circuit at once.
/// </summary>
public sealed class EmulatedTab : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _origin;
    private readonly CircuitPage _page;
    private readonly HubConnection _connection;
    private readonly TaskCompletionSource<DrawnChart> _drawn = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly OlderPageRequest _olderPage;
    private string? _circuitId;
    private long _renderBatches;

    private EmulatedTab(HttpClient http, Uri origin, CircuitPage page, WallClock clock)
    {
        _http = http;
        _origin = origin;
        _page = page;
        Browser = new EmulatedBrowser(clock);
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(origin, "_blazor"), HttpTransportType.WebSockets)
            .WithServerTimeout(TimeSpan.FromSeconds(60)); // a loaded server may answer pings late; the page would wait too
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>(); // registered last, so it replaces the default JSON protocol
        _connection = builder.Build();
        _olderPage = new OlderPageRequest(_connection);
        Listen();
    }

    public EmulatedBrowser Browser { get; }

    /// <summary>Render batches received and acknowledged.</summary>
    public long RenderBatches => Interlocked.Read(ref _renderBatches);

    /// <summary>The first error the server reported to the page (<c>JS.Error</c>), if any.</summary>
    public string? Error { get; private set; }

    /// <summary>Completes when the chart module has been told the chart is drawn (live updates follow).</summary>
    public Task<DrawnChart> Drawn => _drawn.Task;

    public static async Task<EmulatedTab> OpenAsync(HttpClient http, Uri pageUri, WallClock clock, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(pageUri, cancellationToken);
        response.EnsureSuccessStatusCode(); // 429: the per-address cap refused the page
        var page = CircuitPage.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        if (page.Markers.Count == 0)
        {
            throw new InvalidOperationException($"{pageUri} has no interactive server components to start.");
        }

        var tab = new EmulatedTab(http, new Uri(pageUri, "/"), page, clock);
        await tab.StartAsync(pageUri, cancellationToken);
        return tab;
    }

    private void Listen()
    {
        _connection.On("JS.RenderBatch", [typeof(long), typeof(byte[])], async args =>
        {
            Interlocked.Increment(ref _renderBatches);
            await _connection.SendAsync("OnRenderCompleted", (long)args[0]!, null);
        });
        _connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], async args =>
        {
            var call = new JsInteropCall((long)args[0]!, (string)args[1]!, (string?)args[2] ?? "[]", (JsResultType)(int)args[3]!, (long)args[4]!);
            var result = Browser.Answer(call);
            if (call.AsyncHandle != 0)
            {
                var handle = call.AsyncHandle.ToString(CultureInfo.InvariantCulture);
                await _connection.SendAsync("EndInvokeJSFromDotNet", call.AsyncHandle, true, $"[{handle},true,{result}]");
            }
        });
        _connection.On("JS.EndInvokeDotNet", [typeof(string), typeof(bool), typeof(string)], args =>
            _olderPage.CompleteAsync((string)args[0]!, (bool)args[1]!, (string?)args[2]));
        _connection.On("JS.AttachComponent", [typeof(int), typeof(string)], _ => Task.CompletedTask);
        _connection.On("JS.EndUpdateRootComponents", [typeof(long)], _ => Task.CompletedTask);
        _connection.On("JS.Error", [typeof(string)], args =>
        {
            Error ??= (string?)args[0] ?? "error";
            _drawn.TrySetException(new InvalidOperationException($"The circuit failed: {Error}"));
            return Task.CompletedTask;
        });

        // As WebRootComponentManager does once the renderer is attached: add the page's root components.
        Browser.RendererAttached += () => _ = _connection.SendAsync("UpdateRootComponents", _page.AddOperations(), _page.ApplicationState);
        Browser.ChartDrawn += chart =>
        {
            _drawn.TrySetResult(chart);
            _olderPage.Start(chart);
        };
    }

    private async Task StartAsync(Uri pageUri, CancellationToken cancellationToken)
    {
        await _connection.StartAsync(cancellationToken);
        _circuitId = await _connection.InvokeAsync<string?>("StartCircuit", _origin.ToString(), pageUri.ToString(), "[]", _page.ApplicationState, cancellationToken)
            ?? throw new InvalidOperationException("The server refused to start the circuit.");
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        if (_circuitId is not null)
        {
            // blazor.web.js's unload beacon: the server disposes the circuit now instead of retaining it.
            try
            {
                using var form = new FormUrlEncodedContent([new("circuitId", _circuitId)]);
                using var _ = await _http.PostAsync(new Uri(_origin, "_blazor/disconnect"), form);
            }
            catch (HttpRequestException)
            {
                // The server is gone already.
            }
        }
    }
}
