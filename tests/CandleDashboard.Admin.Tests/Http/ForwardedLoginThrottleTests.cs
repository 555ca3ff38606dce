using System.Net;
using CandleDashboard.Admin.Tests.Infrastructure;

namespace CandleDashboard.Admin.Tests.Http;

/// <summary>With a configured proxy, the login throttle counts the client the proxy names (IPv6 per /64).</summary>
public sealed class ForwardedLoginThrottleTests(ProxiedAdminServer server) : IClassFixture<ProxiedAdminServer>
{
    [Fact]
    public async Task A_client_that_used_its_attempts_is_refused_while_another_behind_the_same_proxy_signs_in()
    {
        using var guesser = Behind("203.0.113.30");
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), await WrongAttemptsAsync(guesser, 5));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await guesser.LoginAsync(AdminServer.Username, AdminServer.Password)).StatusCode);

        using var other = Behind("203.0.113.31");
        Assert.Equal(HttpStatusCode.Redirect, (await other.LoginAsync(AdminServer.Username, AdminServer.Password)).StatusCode);
        Assert.True(other.HasAdminCookie);
    }

    [Fact]
    public async Task Ipv6_addresses_in_one_64_share_the_attempts()
    {
        using var first = Behind("2001:db8:bb:1::1");
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), await WrongAttemptsAsync(first, 5));

        using var sameNetwork = Behind("2001:db8:bb:1:9999::2");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await sameNetwork.LoginAsync(AdminServer.Username, AdminServer.Password)).StatusCode);
        using var nextNetwork = Behind("2001:db8:bb:2::1");
        Assert.Equal(HttpStatusCode.Redirect, (await nextNetwork.LoginAsync(AdminServer.Username, AdminServer.Password)).StatusCode);
    }

    [Fact]
    public async Task The_cookie_is_secure_when_the_proxy_says_the_request_was_https()
    {
        using var overHttps = Behind("203.0.113.40", ("X-Forwarded-Proto", "https"));
        using var overHttp = Behind("203.0.113.41");

        var secure = await overHttps.LoginAsync(AdminServer.Username, AdminServer.Password);
        var plain = await overHttp.LoginAsync(AdminServer.Username, AdminServer.Password);

        Assert.Contains("secure", AdminCookie(secure), StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", AdminCookie(plain), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("httponly", AdminCookie(plain), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", AdminCookie(plain), StringComparer.OrdinalIgnoreCase);
    }

    private AdminClient Behind(string client, params (string, string)[] more) =>
        new(server.BaseAddress, [("X-Forwarded-For", client), .. more]);

    private static async Task<List<HttpStatusCode>> WrongAttemptsAsync(AdminClient client, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            statuses.Add((await client.LoginAsync(AdminServer.Username, $"guess-{i}")).StatusCode);
        }

        return statuses;
    }

    /// <summary>The attributes of the admin cookie's Set-Cookie header, lower-cased and trimmed.</summary>
    internal static string[] AdminCookie(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"), h => h.StartsWith(CandleDashboard.Web.Admin.AdminPolicy.CookieName + "=", StringComparison.Ordinal));
        return [.. header.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant())];
    }
}

/// <summary>No proxy configured: a client's own X-Forwarded-* headers change nothing.</summary>
public sealed class SpoofedForwardedHeadersTests(ThrottledAdminServer server) : IClassFixture<ThrottledAdminServer>
{
    [Fact]
    public async Task A_spoofed_address_does_not_reset_the_throttle_and_a_spoofed_scheme_does_not_make_the_cookie_secure()
    {
        for (var i = 0; i < 4; i++)
        {
            using var guesser = new AdminClient(server.BaseAddress, ("X-Forwarded-For", $"203.0.113.{50 + i}"));
            Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.LoginAsync(AdminServer.Username, $"guess-{i}")).StatusCode);
        }

        // The fifth attempt from 127.0.0.1 still gets through (and it is http, whatever the header says)...
        using var fifth = new AdminClient(server.BaseAddress, ("X-Forwarded-For", "203.0.113.60"), ("X-Forwarded-Proto", "https"));
        var signedIn = await fifth.LoginAsync(AdminServer.Username, AdminServer.Password);
        Assert.DoesNotContain("secure", ForwardedLoginThrottleTests.AdminCookie(signedIn));

        // ...and the sixth, "from" yet another address, is refused: all six came from the socket's 127.0.0.1.
        using var sixth = new AdminClient(server.BaseAddress, ("X-Forwarded-For", "198.51.100.99"));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await sixth.LoginAsync(AdminServer.Username, AdminServer.Password)).StatusCode);
    }
}
