namespace CandleDashboard.Web.Admin;

/// <summary>
/// <c>Admin</c> configuration section. There is deliberately no default user or password: with
/// either setting missing the admin area stays disabled.
/// </summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    public string? Username { get; set; }

    /// <summary>A <see cref="PasswordHash"/> string, never the password itself.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>Login attempts allowed per client IP per minute (guessing passwords must be slow).</summary>
    public int LoginAttemptsPerMinute { get; set; } = 5;

    /// <summary>How long a sign-in lasts without activity (the cookie slides).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How often an open admin page (a Blazor circuit, which keeps the user it connected with)
    /// re-checks that its sign-in still holds; see <see cref="AdminSession"/>.
    /// </summary>
    public TimeSpan SessionRevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Username) && !string.IsNullOrWhiteSpace(PasswordHash);
}
