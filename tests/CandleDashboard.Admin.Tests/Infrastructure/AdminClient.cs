using System.Net;
using System.Text.RegularExpressions;

namespace CandleDashboard.Admin.Tests.Infrastructure;

/// <summary>
/// An HttpClient with its own cookie jar that signs in the way a browser does: GET the login page,
/// take the antiforgery token from the form, POST the form. Redirects are not followed, so tests
/// see them.
/// </summary>
public sealed partial class AdminClient : IDisposable
{
    private readonly HttpClient _http;

    /// <param name="headers">Sent with every request, e.g. the X-Forwarded-* headers a reverse proxy adds.</param>
    public AdminClient(Uri baseAddress, params (string Name, string Value)[] headers)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        foreach (var (name, value) in headers)
        {
            _http.DefaultRequestHeaders.Add(name, value);
        }
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _http;

    public bool HasAdminCookie => Cookies.GetAllCookies().Any(c => c.Name == CandleDashboard.Web.Admin.AdminPolicy.CookieName);

    public async Task<HttpResponseMessage> LoginAsync(string username, string password, string path = "admin/login")
    {
        var page = await _http.GetStringAsync(path);
        var token = TokenField().Match(page);
        Assert.True(token.Success, "the login form carries an antiforgery token");
        return await _http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "admin-login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Form.Username"] = username,
            ["Form.Password"] = password,
        }));
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
