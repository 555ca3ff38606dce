namespace CandleDashboard.Web.Admin;

/// <summary>
/// While the admin area is disabled, answers every /admin request with <see cref="AdminDisabledPage"/>.
/// A startup filter, so it runs ahead of the authorization middleware the host adds on its own
/// (otherwise /admin/buffers would redirect to a login nobody can pass).
/// </summary>
public sealed class AdminDisabledGate(AdminArea area) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) => http.Request.Path.StartsWithSegments("/admin")
            ? AdminDisabledPage.WriteAsync(http, area.DisabledReason!)
            : nextMiddleware(http));
        next(app);
    };
}
