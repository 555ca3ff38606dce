using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Security;

/// <summary>
/// The first middleware of the app (a startup filter, so it runs ahead of the authentication and
/// routing the host adds on its own and of the admin-disabled gate): forwarded headers from the
/// configured proxies, then the security headers, then HSTS on HTTPS requests.
/// </summary>
public sealed class SecurityStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // Everything after this sees the client's address and scheme, not the proxy's.
        if (app.ApplicationServices.GetRequiredService<IOptions<ProxySettings>>().Value.IsConfigured)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.ApplicationServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment())
        {
            // Only on HTTPS requests (directly, or X-Forwarded-Proto from a known proxy), never for localhost.
            app.UseHsts();
        }

        next(app);
    };
}
