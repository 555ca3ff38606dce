using CandleDashboard.Components.Tests.Infrastructure;
using CandleDashboard.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CandleDashboard.Components.Tests.Layout;

/// <summary>The light/dark switch: it shows where a click leads and asks for the other mode.</summary>
public sealed class ThemeToggleTests : ComponentTest
{
    private readonly List<bool> _asked = [];

    public ThemeToggleTests()
    {
        Render<MudPopoverProvider>(); // the tooltip is a popover
    }

    [Fact]
    public void In_dark_mode_shows_the_light_mode_icon_and_asks_for_light()
    {
        var cut = RenderToggle(isDark: true);

        var button = cut.Find("[data-testid=theme-toggle]");
        Assert.Equal("dark", button.GetAttribute("data-theme"));
        Assert.Equal("Switch to light theme", button.GetAttribute("aria-label"));
        Assert.Equal(Icons.Material.Filled.LightMode, cut.FindComponent<MudIconButton>().Instance.Icon);

        button.Click();

        Assert.Equal([false], _asked);
    }

    [Fact]
    public void In_light_mode_shows_the_dark_mode_icon_and_asks_for_dark()
    {
        var cut = RenderToggle(isDark: false);

        var button = cut.Find("[data-testid=theme-toggle]");
        Assert.Equal("light", button.GetAttribute("data-theme"));
        Assert.Equal("Switch to dark theme", button.GetAttribute("aria-label"));
        Assert.Equal(Icons.Material.Filled.DarkMode, cut.FindComponent<MudIconButton>().Instance.Icon);

        button.Click();

        Assert.Equal([true], _asked);
    }

    [Fact]
    public void The_icon_follows_the_mode_when_the_layout_changes_it()
    {
        var cut = RenderToggle(isDark: true);

        cut.Render(p => p.Add(t => t.IsDark, false));

        Assert.Equal("light", cut.Find("[data-testid=theme-toggle]").GetAttribute("data-theme"));
        Assert.Equal(Icons.Material.Filled.DarkMode, cut.FindComponent<MudIconButton>().Instance.Icon);
    }

    private IRenderedComponent<ThemeToggle> RenderToggle(bool isDark) =>
        Render<ThemeToggle>(p => p
            .Add(t => t.IsDark, isDark)
            .Add(t => t.Toggled, EventCallback.Factory.Create<bool>(this, dark => _asked.Add(dark))));
}
