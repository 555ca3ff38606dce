using MudBlazor;

namespace CandleDashboard.Web.Components.Layout;

/// <summary>
/// The product's look in both modes: MudBlazor's palette for the page, and the matching colours
/// the chart gives plotly (which knows nothing of CSS variables). Up and down stay the same teal
/// and red in both modes, so a candle reads the same whatever the background.
/// </summary>
public static class DashboardTheme
{
    public const string Up = "#26a69a";
    public const string Down = "#ef5350";
    private const string Accent = "#f0b90b";

    public static MudTheme Theme { get; } = new()
    {
        PaletteDark = new PaletteDark
        {
            Primary = Accent,
            Secondary = "#8b95a7",
            Success = Up,
            Error = Down,
            Warning = "#f5a524",
            Info = "#58a6ff",
            Background = "#0d1117",
            BackgroundGray = "#161d28",
            Surface = "#121821",
            AppbarBackground = "#121821",
            AppbarText = "#e6edf3",
            DrawerBackground = "#121821",
            TextPrimary = "#e6edf3",
            TextSecondary = "#8b95a7",
            LinesDefault = "#222b3a",
            LinesInputs = "#2f3849",
            TableLines = "#222b3a",
            Divider = "#222b3a",
        },
        PaletteLight = new PaletteLight
        {
            Primary = "#b7791f",
            Secondary = "#57606a",
            Success = Up,
            Error = Down,
            Warning = "#bf8700",
            Info = "#0969da",
            Background = "#f6f8fa",
            BackgroundGray = "#eaeef2",
            Surface = "#ffffff",
            AppbarBackground = "#ffffff",
            AppbarText = "#1f2328",
            TextPrimary = "#1f2328",
            TextSecondary = "#57606a",
            LinesDefault = "#d0d7de",
            LinesInputs = "#d0d7de",
            TableLines = "#d0d7de",
            Divider = "#d0d7de",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "system-ui", "-apple-system", "sans-serif"], FontSize = "0.875rem" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px", AppbarHeight = "52px" },
    };

    /// <summary>The chart's colours for a mode.</summary>
    public static ChartColors ChartColorsFor(bool dark) => dark
        ? new ChartColors(Background: "#0d1117", Grid: "#1e2533", Text: "#8b95a7", Spike: "#4b5563", HoverBackground: "#161b26", HoverBorder: "#2a3142", HoverText: "#e6edf3")
        : new ChartColors(Background: "#ffffff", Grid: "#eaeef2", Text: "#57606a", Spike: "#8c959f", HoverBackground: "#ffffff", HoverBorder: "#d0d7de", HoverText: "#1f2328");
}
