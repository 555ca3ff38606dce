using System.Security.Claims;
using CandleDashboard.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Admin;

/// <summary>
/// The login decision: throttle per client (<see cref="ClientPartitionKey"/>), check the credentials, issue the cookie. Runs
/// inside the login form's normal HTTP POST (a Blazor circuit cannot set cookies).
/// </summary>
public sealed class AdminSignIn(IOptionsMonitor<AdminOptions> options, LoginThrottle throttle, ILogger<AdminSignIn> logger)
{
    public const string Role = "admin";

    public async Task<LoginOutcome> SignInAsync(HttpContext http, string? username, string? password)
    {
        // The account as configured now (a reloaded Admin:PasswordHash takes effect at once, and
        // AdminSession ends the sign-ins made with the old one).
        var account = options.CurrentValue;
        if (AdminArea.From(account).Credentials is not { } credentials)
        {
            return LoginOutcome.Disabled;
        }

        // The client's address (from a configured proxy's forwarded headers, else the socket's) for the
        // log; the throttle counts IPv6 clients per /64, as the API rate limit does.
        var client = http.Connection.RemoteIpAddress?.ToString() ?? ClientPartitionKey.Unknown;
        if (!throttle.TryAcquire(ClientPartitionKey.For(http.Connection.RemoteIpAddress)))
        {
            logger.LogWarning("Admin login from {Client} refused: too many attempts", client);
            return LoginOutcome.TooManyAttempts;
        }

        if (!credentials.Check(username?.Trim(), password))
        {
            // The attempted user name is not logged: people type passwords into it.
            logger.LogWarning("Admin login from {Client} failed: wrong user name or password", client);
            return LoginOutcome.WrongCredentials;
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, credentials.Username),
                new Claim(ClaimTypes.Role, Role),
                new Claim(AdminSession.StampClaim, AdminSession.Stamp(account)),
            ],
            AdminPolicy.Scheme,
            ClaimTypes.Name,
            ClaimTypes.Role);
        await http.SignInAsync(AdminPolicy.Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
        logger.LogInformation("Admin {User} signed in from {Client}", credentials.Username, client);
        return LoginOutcome.SignedIn;
    }
}
