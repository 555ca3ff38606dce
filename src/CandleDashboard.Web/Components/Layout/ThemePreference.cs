namespace CandleDashboard.Web.Components.Layout;

/// <summary>
/// The theme a page starts in, decided from its own request so the first render already has it
/// (no dark-to-light flash, no second render of the whole page): the trader's stored choice (a
/// cookie js/theme.js writes), else the browser's system setting (the
/// <c>Sec-CH-Prefers-Color-Scheme</c> client hint, which Chromium sends once asked for), else
/// unknown, and the layout asks the browser after the first render.
/// </summary>
public static class ThemePreference
{
    public const string CookieName = "candledashboard.theme";
    public const string ClientHint = "Sec-CH-Prefers-Color-Scheme";

    /// <summary>"dark", "light", or null when the request does not say.</summary>
    public static string? From(HttpRequest request) =>
        Mode(request.Cookies[CookieName]) ?? Mode(request.Headers[ClientHint].ToString());

    /// <summary>Asks Chromium to send the system setting with the page request (retried once with it on a first visit).</summary>
    public static void RequestClientHint(HttpResponse response)
    {
        response.Headers["Accept-CH"] = ClientHint;
        response.Headers["Critical-CH"] = ClientHint;
        response.Headers.Append("Vary", ClientHint);
    }

    private static string? Mode(string? value) => value?.Trim('"') switch
    {
        "dark" => "dark",
        "light" => "light",
        _ => null,
    };
}
