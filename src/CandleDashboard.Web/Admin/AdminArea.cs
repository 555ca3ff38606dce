namespace CandleDashboard.Web.Admin;

/// <summary>
/// Whether the admin area is on, decided once at startup from configuration. Disabled means no
/// one can sign in; <see cref="DisabledReason"/> is what the log and the /admin pages say.
/// </summary>
public sealed class AdminArea
{
    private AdminArea(AdminCredentials? credentials, string? disabledReason)
    {
        Credentials = credentials;
        DisabledReason = disabledReason;
    }

    public AdminCredentials? Credentials { get; }

    public string? DisabledReason { get; }

    public bool IsEnabled => Credentials is not null;

    public static AdminArea From(AdminOptions options)
    {
        if (!options.IsConfigured)
        {
            return new AdminArea(null, "Admin area disabled: set Admin:Username and Admin:PasswordHash.");
        }

        if (!PasswordHash.TryParse(options.PasswordHash, out var hash, out var problem))
        {
            return new AdminArea(null, $"Admin area disabled: Admin:PasswordHash is not a valid hash ({problem}).");
        }

        return new AdminArea(new AdminCredentials(options.Username!.Trim(), hash), null);
    }
}
