namespace CandleDashboard.Web.Admin;

/// <summary>The authorization policy every operator-only page and endpoint requires.</summary>
public static class AdminPolicy
{
    public const string Name = "Admin";

    /// <summary>The cookie authentication scheme the policy authenticates with.</summary>
    public const string Scheme = "AdminCookie";

    /// <summary>The cookie's name; tests and operators look for it by this name.</summary>
    public const string CookieName = "CandleDashboard.Admin";
}
