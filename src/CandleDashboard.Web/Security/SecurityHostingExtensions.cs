using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Security;

public static class SecurityHostingExtensions
{
    /// <summary>
    /// Forwarded headers from configured proxies only (<see cref="ProxySettings"/>), the security
    /// headers on every response and HSTS. Call before anything else registers a startup filter,
    /// so this middleware runs first.
    /// </summary>
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ProxySettings>().Bind(builder.Configuration.GetSection(ProxySettings.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxySettings>, ProxySettingsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxySettings>>((options, proxies) => proxies.Value.ApplyTo(options));
        services.AddSingleton<IStartupFilter, SecurityStartupFilter>();
        return builder;
    }
}
