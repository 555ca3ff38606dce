using System.Net;

namespace CandleDashboard.Web.Admin;

/// <summary>
/// What /admin/* answers while the admin area is disabled: 503 and a plain page that says which
/// settings turn it on. Plain HTML on purpose: no circuit, nothing to sign in to.
/// </summary>
public static class AdminDisabledPage
{
    public static Task WriteAsync(HttpContext http, string reason)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var text = WebUtility.HtmlEncode(reason);
        return http.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8" /><meta name="color-scheme" content="dark" />
            <title>Admin area disabled · CandleDashboard</title>
            <link rel="stylesheet" href="/css/app.css" />
            <style>body{font-family:system-ui,sans-serif;background:#0b0e14;color:#d7dce5;display:grid;place-items:center;min-height:100vh;margin:0}
            main{max-width:36rem;padding:2rem;border:1px solid #2a3140;border-radius:8px;background:#121722}
            h1{font-size:1.25rem;margin-top:0}code{color:#f0b90b}</style></head>
            <body><main data-testid="admin-disabled">
            <h1>Admin area disabled</h1>
            <p>{{text}}</p>
            <p>An operator turns it on with <code>Admin:Username</code> and <code>Admin:PasswordHash</code>
            (environment variables <code>Admin__Username</code>, <code>Admin__PasswordHash</code>). The charts are not affected.</p>
            <p><a href="/">Back to the charts</a></p>
            </main></body></html>
            """);
    }
}
