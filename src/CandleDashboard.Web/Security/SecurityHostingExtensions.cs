using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Security;

public static class SecurityHostingExtensions
{
    /// <summary>
    /// Forwarded headers from configured proxies only (<see cref="ProxySettings"/>), the security
    /// headers on every response and HSTS. Its startup filter is put first among the services,
    /// so this middleware runs first wherever the call stands.
    /// </summary>
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ProxySettings>().Bind(builder.Configuration.GetSection(ProxySettings.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxySettings>, ProxySettingsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxySettings>>((options, proxies) => proxies.Value.ApplyTo(options));
        // Inserted at the front, not added: startup filters wrap in registration order, and the outermost
        // must be this one whatever else registers a filter, and in whatever order the host is composed.
        services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter, SecurityStartupFilter>());
        return builder;
    }
}
