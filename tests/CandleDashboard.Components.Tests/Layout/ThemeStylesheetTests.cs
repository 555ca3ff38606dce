using AngleSharp.Html.Parser;
using CandleDashboard.Components.Tests.Infrastructure;
using CandleDashboard.Web.Components.Layout;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace CandleDashboard.Components.Tests.Layout;

/// <summary>
/// The layout's theme styles are MudBlazor's own (what a MudThemeProvider renders for the same theme and
/// mode), rendered once and shared: every circuit's render tree points at the same string.
/// </summary>
public sealed class ThemeStylesheetTests : ComponentTest
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Is_what_MudThemeProvider_renders_for_the_mode(bool dark)
    {
        var stylesheet = new ThemeStylesheet(Services, NullLoggerFactory.Instance);
        var provider = Render<MudThemeProvider>(p => p
            .Add(t => t.Theme, DashboardTheme.Theme)
            .Add(t => t.IsDarkMode, dark)
            .Add(t => t.ObserveSystemDarkModeChange, false));

        var shared = StyleTexts((await stylesheet.ForAsync(dark)).Value);

        Assert.NotEmpty(shared);
        Assert.Equal(StyleTexts(provider.Markup), shared);
        // The palette of the mode asked for: the dark background is the theme's, the light one is not.
        var background = dark ? "--mud-palette-background: rgba(13,17,23,1)" : "--mud-palette-background: rgba(246,248,250,1)";
        Assert.Contains(background, string.Concat(shared), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Is_rendered_once_and_shared()
    {
        var stylesheet = new ThemeStylesheet(Services, NullLoggerFactory.Instance);

        var first = (await stylesheet.ForAsync(dark: true)).Value;
        var second = (await stylesheet.ForAsync(dark: true)).Value;

        Assert.Same(first, second);
        Assert.NotEqual(first, (await stylesheet.ForAsync(dark: false)).Value);
    }

    private static string[] StyleTexts(string html) =>
        [.. new HtmlParser().ParseDocument($"<html><head>{html}</head></html>").QuerySelectorAll("style").Select(s => s.TextContent)];
}
