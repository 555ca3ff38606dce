using CandleDashboard.Web.Admin.Api;
using CandleDashboard.Web.Admin.Status;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;

namespace CandleDashboard.Web.Admin;

public static class AdminHostingExtensions
{
    /// <summary>
    /// Cookie sign-in, the "Admin" policy, the login throttle, the status page's services and the
    /// buffer API. The policy is registered even when the area is disabled, so endpoints that
    /// require it still answer 401 instead of failing at startup.
    /// </summary>
    public static WebApplicationBuilder AddAdminArea(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(AdminOptions.SectionName);
        services.AddOptions<AdminOptions>().Bind(section);
        var options = section.Get<AdminOptions>() ?? new AdminOptions();

        var area = AdminArea.From(options);
        services.AddSingleton(area);
        if (!area.IsEnabled)
        {
            services.AddSingleton<IStartupFilter>(new AdminDisabledGate(area));
        }

        services.AddSingleton(new LoginThrottle(options.LoginAttemptsPerMinute));
        services.AddSingleton<AdminSignIn>();
        services.AddSingleton<AdminSession>();
        services.AddTransient<AdminStatusSource>();

        services.AddAuthentication(AdminPolicy.Scheme)
            .AddCookie(AdminPolicy.Scheme, cookie =>
            {
                cookie.Cookie.Name = AdminPolicy.CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.Cookie.Path = "/";
                cookie.LoginPath = "/admin/login";
                cookie.LogoutPath = "/admin/logout";
                cookie.AccessDeniedPath = "/admin/login";
                cookie.ReturnUrlParameter = "returnUrl";
                cookie.ExpireTimeSpan = options.SessionLifetime;
                cookie.SlidingExpiration = true;
                cookie.Events.OnRedirectToLogin = ApiAuthenticationEvents.OnRedirectToLogin;
                cookie.Events.OnRedirectToAccessDenied = ApiAuthenticationEvents.OnRedirectToAccessDenied;
                cookie.Events.OnValidatePrincipal = ValidateSessionAsync;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy.Name, policy => policy
                .AddAuthenticationSchemes(AdminPolicy.Scheme)
                .RequireAuthenticatedUser()
                .RequireRole(AdminSignIn.Role));
        services.AddCascadingAuthenticationState();
        // Replaces the circuit's default provider (registered with TryAdd by AddInteractiveServerComponents).
        services.AddScoped<AuthenticationStateProvider, AdminAuthenticationStateProvider>();
        return builder;
    }

    /// <summary>
    /// Every request with the cookie: a sign-in that no longer holds (account changed, area off) is
    /// refused and the cookie deleted; one that holds hands its expiry to a circuit this request may start.
    /// </summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } user || !context.HttpContext.RequestServices.GetRequiredService<AdminSession>().IsCurrent(user))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AdminPolicy.Scheme);
            return;
        }

        AdminSession.CarryExpiry(user, context.Properties.ExpiresUtc);
    }

    /// <summary>Logs whether the area is on, maps logout and the buffer API. Call after UseDashboard.</summary>
    public static WebApplication MapAdminArea(this WebApplication app)
    {
        var area = app.Services.GetRequiredService<AdminArea>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CandleDashboard.Admin");
        if (area.IsEnabled)
        {
            logger.LogInformation("Admin area enabled for user {User} at /admin/buffers", area.Credentials!.Username);
        }
        else
        {
            logger.LogWarning("{Reason} The /admin pages answer 503 until then.", area.DisabledReason);
        }

        // No antiforgery token here: the admin cookie is SameSite=Strict, so a cross-site form
        // cannot carry it and cannot sign anyone out.
        app.MapPost("/admin/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(AdminPolicy.Scheme);
            return Results.Redirect("/admin/login");
        }).ExcludeFromDescription();

        app.MapBufferApi();
        return app;
    }
}
