namespace CandleDashboard.Web.Admin.Pages;

/// <summary>The posted login form.</summary>
public sealed class LoginForm
{
    public string? Username { get; set; }

    public string? Password { get; set; }
}
