using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Admin;

/// <summary>
/// A circuit's user, re-checked every <see cref="AdminOptions.SessionRevalidationInterval"/>: when
/// the sign-in no longer holds (<see cref="AdminSession.IsCurrent"/>: account changed, area turned
/// off, cookie expired) the framework's base class makes the circuit anonymous, and the admin
/// pages (AdminGuard) send the browser through a full page load, where the cookie is refused too.
/// </summary>
public sealed class AdminAuthenticationStateProvider(ILoggerFactory loggerFactory, AdminSession session, IOptions<AdminOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.SessionRevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        Task.FromResult(session.IsCurrent(authenticationState.User));
}
