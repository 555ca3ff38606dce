using CandleDashboard.Web.Admin;
using CandleDashboard.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CandleDashboard.Admin.Tests.Infrastructure;

/// <summary>
/// The real app (DashboardHost, as Program builds it) on a free loopback port with its in-process
/// simulator, and an admin account whose password exists only for this run.
/// </summary>
public class AdminServer : IAsyncLifetime
{
    public const string Username = "operator";

    // A fresh random password per run: nothing to leak, nothing to default to.
    public static readonly string Password = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));

    // Fewer iterations than production only to keep each login fast in tests; the format is the same.
    public static readonly string Hash = PasswordHash.Create(Password, iterations: 10_000);

    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    protected virtual IEnumerable<string> AdminArgs =>
    [
        $"--Admin:Username={Username}",
        $"--Admin:PasswordHash={Hash}",
        // Many tests sign in from 127.0.0.1; the throttle has its own server (ThrottledAdminServer).
        "--Admin:LoginAttemptsPerMinute=1000",
    ];

    public async Task InitializeAsync()
    {
        _app = await DashboardHost.BuildAsync(
        [
            .. AdminArgs,
            "--urls=http://127.0.0.1:0",
            "--environment=Production",
            "--Exchange:Simulator:TradesPerSecondPerSymbol=40",
            "--Blazor:Circuit:DisconnectedCircuitRetentionPeriod=00:00:03",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public Uri Url(string relative) => new(BaseAddress, relative.TrimStart('/'));

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

/// <summary>No Admin settings at all: the area must say it is disabled.</summary>
public sealed class DisabledAdminServer : AdminServer
{
    protected override IEnumerable<string> AdminArgs => [];
}

/// <summary>The production default of 5 login attempts per minute per client.</summary>
public sealed class ThrottledAdminServer : AdminServer
{
    protected override IEnumerable<string> AdminArgs => base.AdminArgs.Where(a => !a.Contains("LoginAttemptsPerMinute"));
}

/// <summary>5 login attempts per minute per client, behind a reverse proxy on 127.0.0.1 the app is told about.</summary>
public sealed class ProxiedAdminServer : AdminServer
{
    protected override IEnumerable<string> AdminArgs =>
        [.. base.AdminArgs.Where(a => !a.Contains("LoginAttemptsPerMinute")), "--ForwardedHeaders:KnownProxies:0=127.0.0.1"];
}

/// <summary>A feed counted stale after 1 ms: every symbol's row needs attention.</summary>
public sealed class StaleFeedAdminServer : AdminServer
{
    protected override IEnumerable<string> AdminArgs => [.. base.AdminArgs, "--Dashboard:StaleAfter=00:00:00.001"];
}
