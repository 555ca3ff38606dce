using CandleDashboard.Web.Components.Layout;
using Microsoft.AspNetCore.Http;

namespace CandleDashboard.Web.Tests.Unit;

public sealed class ThemePreferenceTests
{
    [Theory]
    [InlineData("light", "dark", "light")] // the trader's stored choice wins over the system setting
    [InlineData(null, "dark", "dark")]
    [InlineData(null, "\"light\"", "light")] // client hints quote their value
    [InlineData("purple", "light", "light")] // a cookie that is not a mode is ignored
    [InlineData(null, null, null)] // neither: the layout asks the browser after the first render
    public void The_page_starts_in_the_stored_choice_else_the_system_setting(string? cookie, string? hint, string? expected)
    {
        var http = new DefaultHttpContext();
        if (cookie is not null)
        {
            http.Request.Headers.Cookie = $"{ThemePreference.CookieName}={cookie}";
        }

        if (hint is not null)
        {
            http.Request.Headers[ThemePreference.ClientHint] = hint;
        }

        Assert.Equal(expected, ThemePreference.From(http.Request));
    }

    [Fact]
    public void Pages_ask_chromium_for_the_system_setting()
    {
        var http = new DefaultHttpContext();
        ThemePreference.RequestClientHint(http.Response);

        Assert.Equal(ThemePreference.ClientHint, http.Response.Headers["Accept-CH"].ToString());
        Assert.Equal(ThemePreference.ClientHint, http.Response.Headers["Critical-CH"].ToString());
        Assert.Contains(ThemePreference.ClientHint, http.Response.Headers.Vary.ToString());
    }

    [Fact]
    public void A_known_start_is_not_overridden_by_the_default_and_a_change_is_announced()
    {
        var state = new ThemeState();
        var changes = 0;
        state.Changed += () => changes++;

        state.Start("light");
        Assert.Equal((false, true), (state.IsDark, state.IsKnown));
        state.Set(false);
        Assert.Equal(0, changes); // no change, no redraw
        state.Set(true);
        Assert.Equal((true, 1), (state.IsDark, changes));
    }
}
