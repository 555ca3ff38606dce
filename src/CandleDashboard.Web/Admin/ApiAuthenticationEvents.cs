using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CandleDashboard.Web.Admin;

/// <summary>
/// API callers get 401/403 with a ProblemDetails body instead of a redirect to the login page
/// (a script cannot follow a login form). The body also keeps the status-code page middleware
/// from turning the answer into HTML.
/// </summary>
public static class ApiAuthenticationEvents
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    public static Task OnRedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        IsApi(context.Request)
            ? WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Sign in at /admin/login first.")
            : Redirect(context);

    public static Task OnRedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        IsApi(context.Request)
            ? WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden, "This account may not use the admin API.")
            : Redirect(context);

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task WriteProblemAsync(HttpContext http, int status, string detail) =>
        Results.Problem(statusCode: status, detail: detail).ExecuteAsync(http);
}
