using System.Net.Http.Json;
using System.Text.Json;
using CandleDashboard.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CandleDashboard.Api.Tests;

/// <summary>
/// The real app (same DashboardHost as Program: in-memory stores, in-process simulator) on a free
/// loopback port, so rate limiting sees a real client IP and the benchmark measures real sockets.
/// </summary>
public class ApiServer : IAsyncLifetime
{
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    /// <summary>Configuration on top of the defaults, as command-line arguments.</summary>
    protected virtual IEnumerable<string> ExtraArgs => ["--Api:RateLimit:PermitLimit=100000"];

    public async Task InitializeAsync()
    {
        _app = await DashboardHost.BuildAsync(
        [
            .. ExtraArgs,
            "--urls=http://127.0.0.1:0",
            "--environment=Production",
            "--Exchange:Simulator:TradesPerSecondPerSymbol=40",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> at the deadline.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
