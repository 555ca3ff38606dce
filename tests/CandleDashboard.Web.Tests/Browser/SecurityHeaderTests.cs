using System.Net;
using CandleDashboard.Web.Security;
using CandleDashboard.Web.Tests.Infrastructure;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>The security headers on every kind of response of the real host (no proxy configured).</summary>
[Collection(DashboardCollection.Name)]
public sealed class SecurityHeaderTests(DashboardServer server)
{
    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

    [Theory]
    [InlineData("GET", "/chart/BTCUSDT/1m", HttpStatusCode.OK, "text/html")]
    [InlineData("GET", "/api/symbols", HttpStatusCode.OK, "application/json")]
    [InlineData("GET", "/api/candles/NOPE!/1m", HttpStatusCode.BadRequest, "application/problem+json")]
    [InlineData("GET", "/api/not-an-endpoint", HttpStatusCode.NotFound, "application/problem+json")]
    [InlineData("GET", "/css/app.css", HttpStatusCode.OK, "text/css")]
    [InlineData("GET", "/lib/plotly/plotly-candles.min.js", HttpStatusCode.OK, "text/javascript")]
    [InlineData("GET", "/_framework/blazor.web.js", HttpStatusCode.OK, "text/javascript")]
    [InlineData("GET", "/definitely/not/here", HttpStatusCode.NotFound, "text/html")]
    [InlineData("GET", "/error", HttpStatusCode.OK, "text/html")]
    [InlineData("GET", "/", HttpStatusCode.Redirect, null)]
    [InlineData("GET", "/healthz", HttpStatusCode.OK, "application/json")]
    [InlineData("GET", "/admin/buffers", HttpStatusCode.ServiceUnavailable, "text/html")]
    [InlineData("POST", "/hubs/candles/negotiate?negotiateVersion=1", HttpStatusCode.OK, "application/json")]
    public async Task Every_response_carries_the_security_headers(string method, string path, HttpStatusCode status, string? mediaType)
    {
        using var client = Client();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task The_policy_is_exactly_the_documented_one()
    {
        using var client = Client();
        using var response = await client.GetAsync("/chart/BTCUSDT/1m");

        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; " +
            "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
            Single(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task Without_a_configured_proxy_a_forwarded_https_scheme_is_ignored()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = "dashboard.example";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // HSTS is sent on HTTPS requests only; a client's own X-Forwarded-Proto does not make one.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Single(response, "Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", Single(response, "Content-Security-Policy"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Single(response, "Referrer-Policy"));
    }

    private static string Single(HttpResponseMessage response, string name)
    {
        Assert.True(response.Headers.TryGetValues(name, out var values), $"{name} missing on {response.RequestMessage?.RequestUri}");
        return Assert.Single(values);
    }
}
