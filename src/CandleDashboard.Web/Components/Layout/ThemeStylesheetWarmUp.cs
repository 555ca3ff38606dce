namespace CandleDashboard.Web.Components.Layout;

/// <summary>Renders both modes' stylesheets at start-up, so the first page's layout finds them ready.</summary>
internal sealed class ThemeStylesheetWarmUp(ThemeStylesheet stylesheet) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(stylesheet.ForAsync(dark: true), stylesheet.ForAsync(dark: false));

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
