namespace CandleDashboard.Web.Admin;

/// <summary>
/// Where to go after signing in. Only a path on this site is followed (no scheme, no host, no
/// protocol-relative "//evil" or "/\evil"), so the login page cannot be used as an open redirect.
/// </summary>
public static class LocalReturnUrl
{
    public const string Default = "/admin/buffers";

    public static string Sanitize(string? returnUrl)
    {
        if (string.IsNullOrWhiteSpace(returnUrl))
        {
            return Default;
        }

        var url = returnUrl.Trim();
        var isLocal = url[0] == '/'
            && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            && !url.Any(char.IsControl);
        return isLocal ? url : Default;
    }
}
