using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace CandleDashboard.Web.Components.Layout;

/// <summary>
/// The theme's CSS variables exactly as MudBlazor's <see cref="MudThemeProvider"/> writes them, rendered
/// once per mode for the whole app. The provider builds its ~24 KB <c>&lt;style&gt;</c> anew in every
/// circuit, and the circuit's render tree keeps it twice: at a thousand viewers ~50 MB of identical
/// strings (heap dump, docs/benchmarks.md "What a viewer's memory is"). The layout renders this markup
/// instead, so every circuit's render tree points at the same two strings.
/// </summary>
public sealed class ThemeStylesheet(IServiceProvider services, ILoggerFactory loggerFactory)
{
    private readonly Lazy<Task<MarkupString>> _dark = new(() => RenderAsync(services, loggerFactory, dark: true));
    private readonly Lazy<Task<MarkupString>> _light = new(() => RenderAsync(services, loggerFactory, dark: false));

    /// <summary>The style markup for one mode; rendered on the first call, shared after.</summary>
    public Task<MarkupString> ForAsync(bool dark) => (dark ? _dark : _light).Value;

    private static async Task<MarkupString> RenderAsync(IServiceProvider services, ILoggerFactory loggerFactory, bool dark)
    {
        // A scope of its own: the provider's injected services are scoped, and nothing of this render
        // outlives it (the provider's browser calls run only after a render in a circuit, never here).
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = DashboardTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = dark,
                [nameof(MudThemeProvider.ObserveSystemDarkModeChange)] = false,
            }));
            return output.ToHtmlString();
        });
        return new MarkupString(html);
    }
}
