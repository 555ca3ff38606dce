using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Admin;

/// <summary>
/// Whether an operator's sign-in still holds. A sign-in carries a stamp of the account it was
/// made for (a digest of Admin:Username and Admin:PasswordHash); changing either, or turning the
/// area off, ends every sign-in made before. A Blazor circuit keeps the user it connected with and
/// never sees the cookie again, so the cookie's expiry travels into the circuit as a claim and the
/// circuit's revalidation (<see cref="AdminAuthenticationStateProvider"/>) ends it on time too.
/// </summary>
public sealed class AdminSession(IOptionsMonitor<AdminOptions> options, TimeProvider clock)
{
    public const string StampClaim = "candledashboard:admin_stamp";

    /// <summary>The cookie ticket's expiry (Unix seconds) as the request that started the circuit presented it.</summary>
    public const string ExpiresClaim = "candledashboard:admin_expires";

    /// <summary>The stamp of the account as configured now ("" when the area is off).</summary>
    public string CurrentStamp() => Stamp(options.CurrentValue);

    public static string Stamp(AdminOptions account) => account.IsConfigured
        ? Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{account.Username!.Trim()}\n{account.PasswordHash!.Trim()}")))
        : "";

    /// <summary>
    /// False for a signed-in user whose stamp is not the current one or whose cookie has expired;
    /// true for everyone else (an anonymous user has nothing to revoke).
    /// </summary>
    public bool IsCurrent(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        var current = CurrentStamp();
        var stamp = user.FindFirst(StampClaim)?.Value;
        if (current.Length == 0 || stamp is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stamp), Encoding.UTF8.GetBytes(current)))
        {
            return false;
        }

        return user.FindFirst(ExpiresClaim)?.Value is not { } expires
            || (long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && clock.GetUtcNow() < DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    /// <summary>Records the ticket's expiry on the request's user (replacing an earlier one), for a circuit this request may start.</summary>
    public static void CarryExpiry(ClaimsPrincipal user, DateTimeOffset? expiresUtc)
    {
        if (user.Identity is not ClaimsIdentity identity || expiresUtc is not { } expires)
        {
            return;
        }

        foreach (var old in identity.FindAll(ExpiresClaim).ToArray())
        {
            identity.RemoveClaim(old);
        }

        identity.AddClaim(new Claim(ExpiresClaim, expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
    }
}
