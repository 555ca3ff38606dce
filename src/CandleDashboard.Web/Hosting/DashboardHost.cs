using CandleDashboard.Core.Exchange;
using CandleDashboard.Web.Admin;
using CandleDashboard.Web.Api;
using CandleDashboard.Web.Hubs;
using CandleDashboard.Web.Options;
using CandleDashboard.Web.Persistence;
using CandleDashboard.Web.Security;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Hosting;

/// <summary>
/// Builds the web application the same way for <c>Program</c> and for tests, so the browser
/// tests exercise the real host (a real Kestrel socket, which WebApplicationFactory's in-memory
/// TestServer cannot give a browser).
/// </summary>
public static class DashboardHost
{
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? overrideServices = null)
    {
        var contentRoot = ContentRootFor(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = contentRoot,
            WebRootPath = WebRootLocator.Find(contentRoot ?? Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
        });
        builder.UsePackageAssetsFromBuildOutput();

        // The one clock of the app: the exchange's time (the local clock plus the measured offset),
        // so candles close when the exchange's buckets do even on a host whose clock is off.
        builder.Services.AddSingleton(new ExchangeClock(TimeProvider.System));
        builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<ExchangeClock>());
        builder.Services.AddHostedService<ExchangeClockSync>();

        // Every worker loop catches its own failures and tries again with backoff (WorkerBackoff), so
        // no exchange, store or network fault ends one. An exception that still escapes is a bug in
        // the loop itself: StopHost (ASP.NET's default, stated here on purpose) turns it into a process
        // exit the orchestrator restarts, where Ignore would leave a site that answers but no longer
        // fetches official candles, i.e. one that silently grows holes.
        builder.Services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost);

        // Forwarded headers and security headers: the outermost middleware (its startup filter puts itself first).
        builder.AddSecurity();

        // The exchanges shown, each with its symbols (Dashboard:Exchanges), read once: each brings its own workers.
        var venues = VenuePlan.From(builder.Configuration);
        await builder.AddExchangesAsync(venues);
        builder.AddDashboard();
        builder.AddCandlePersistence();
        builder.AddVenues(venues);
        builder.AddCandleHub();

        builder.AddPublicApi();
        builder.AddAdminArea();

        // Last, so a test can swap a service the app registered (e.g. a counting bus).
        overrideServices?.Invoke(builder);
        var app = builder.Build();
        try
        {
            await app.InitializeCandlePersistenceAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        app.UseDashboard();
        app.MapAdminArea();
        app.MapPublicApi();
        app.MapCandleHub();
        return app;
    }

    /// <summary>
    /// The ASP.NET default (the current directory) unless that has no appsettings.json while the
    /// app's own folder does: then a published app started from elsewhere still finds its settings.
    /// An explicit --contentRoot is left to the host.
    /// </summary>
    private static string? ContentRootFor(string[] args)
    {
        if (args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        const string settings = "appsettings.json";
        return !File.Exists(Path.Combine(Directory.GetCurrentDirectory(), settings)) && File.Exists(Path.Combine(AppContext.BaseDirectory, settings))
            ? AppContext.BaseDirectory
            : null;
    }
}
