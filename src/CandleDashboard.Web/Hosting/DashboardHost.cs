using CandleDashboard.Web.Options;

namespace CandleDashboard.Web.Hosting;

/// <summary>
/// Builds the web application the same way for <c>Program</c> and for tests, so the browser
/// tests exercise the real host (a real Kestrel socket, which WebApplicationFactory's in-memory
/// TestServer cannot give a browser).
/// </summary>
public static class DashboardHost
{
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            WebRootPath = WebRootLocator.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
        });
        configure?.Invoke(builder);

        await builder.AddExchangeAsync();
        builder.AddDashboard();

        var app = builder.Build();
        app.UseDashboard();
        return app;
    }
}
