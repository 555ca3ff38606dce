namespace CandleDashboard.Web.Security;

/// <summary>
/// The security headers every response carries (pages, API, hub negotiation, static files, error
/// and not-found pages). Each relaxation of the Content-Security-Policy below is one the page
/// measurably needs; the Chromium test (SecurityHeadersBrowserTests) fails on any violation.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// <list type="bullet">
    /// <item><c>default-src 'self'</c>: everything (scripts, the SignalR connection of the circuit
    /// and of /hubs/candles, fonts, the plotly bundle) comes from this origin; nothing is loaded
    /// from a CDN.</item>
    /// <item><c>script-src 'self'</c>: no inline script and no eval. Blazor Server, MudBlazor and
    /// the plotly bundle need neither (the bundle has no WebGL traces, whose
    /// shader compiler is what makes plotly's full build need <c>'unsafe-eval'</c>).</item>
    /// <item><c>style-src 'self' 'unsafe-inline'</c> (relaxation): MudBlazor writes its theme as an
    /// inline <c>&lt;style&gt;</c> block and sizes components with <c>style</c> attributes, plotly
    /// injects its own stylesheet, blazor.web.js builds its reconnect dialog with an inline style
    /// element, and the admin grids draw fill bars with <c>style="width:…"</c>. Inline style cannot
    /// run code; scripts stay strict.</item>
    /// <item><c>img-src 'self' data: blob:</c> (relaxation): plotly's "Download plot as a png"
    /// button renders the chart to an image from a <c>data:</c> SVG and hands it over as a
    /// <c>blob:</c> URL.</item>
    /// <item><c>connect-src 'self'</c>: same-origin fetch and WebSockets (CSP Level 3 matches
    /// <c>ws:</c>/<c>wss:</c> to the page's own host under <c>'self'</c>).</item>
    /// <item><c>object-src 'none'</c>, <c>base-uri 'self'</c>, <c>form-action 'self'</c>: no
    /// plugins, no rebasing relative URLs, forms (the admin sign-in) post only here.</item>
    /// <item><c>frame-ancestors 'none'</c>: no site may frame the dashboard (clickjacking), the
    /// CSP form of <see cref="FrameOptions"/>.</item>
    /// </list>
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; " +
        "script-src 'self'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>For browsers that predate <c>frame-ancestors</c>.</summary>
    public const string FrameOptions = "DENY";

    /// <summary>Served types are what they say (a JSON answer is never run as a script).</summary>
    public const string ContentTypeOptions = "nosniff";

    /// <summary>
    /// Stricter than <c>strict-origin-when-cross-origin</c>: the app links to no other site, so no
    /// other site needs to know where a visitor came from (not even the origin), while this
    /// origin's own requests keep the full referrer.
    /// </summary>
    public const string ReferrerPolicy = "same-origin";

    /// <summary>Sets the headers, replacing any value set earlier in the pipeline.</summary>
    public static void Apply(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = FrameOptions;
        headers.XContentTypeOptions = ContentTypeOptions;
        headers["Referrer-Policy"] = ReferrerPolicy;
    }
}
