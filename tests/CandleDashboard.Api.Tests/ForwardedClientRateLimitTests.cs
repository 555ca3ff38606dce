using System.Net;

namespace CandleDashboard.Api.Tests;

/// <summary>3 API requests per minute per client, behind a reverse proxy on 127.0.0.1 the app is told about.</summary>
public sealed class ProxiedRateLimitServer : ApiServer
{
    protected override IEnumerable<string> ExtraArgs =>
        ["--Api:RateLimit:PermitLimit=3", "--Api:RateLimit:Window=00:01:00", "--ForwardedHeaders:KnownProxies:0=127.0.0.1"];
}

/// <summary>With a configured proxy, the API limit counts the client the proxy names (IPv6 per /64), and HTTPS is the proxy's word.</summary>
public sealed class ForwardedClientRateLimitTests(ProxiedRateLimitServer server) : IClassFixture<ProxiedRateLimitServer>
{
    [Fact]
    public async Task Each_forwarded_ipv4_client_has_its_own_budget()
    {
        Assert.Equal(new[] { 200, 200, 200, 429 }, await StatusesAsync("203.0.113.10", 4));
        Assert.Equal(new[] { 200 }, await StatusesAsync("203.0.113.11", 1));
    }

    [Fact]
    public async Task Ipv6_clients_share_a_budget_per_64()
    {
        Assert.Equal(new[] { 200, 200, 200 }, await StatusesAsync("2001:db8:aa:1::1", 3));

        Assert.Equal(new[] { 429 }, await StatusesAsync("2001:db8:aa:1:ffff:ffff:ffff:fffe", 1));
        Assert.Equal(new[] { 200 }, await StatusesAsync("2001:db8:aa:2::1", 1));
    }

    [Fact]
    public async Task An_ipv4_mapped_address_is_the_same_client_as_its_ipv4_form()
    {
        Assert.Equal(new[] { 200, 200, 200 }, await StatusesAsync("::ffff:198.51.100.7", 3));
        Assert.Equal(new[] { 429 }, await StatusesAsync("198.51.100.7", 1));
    }

    [Fact]
    public async Task Https_forwarded_by_the_proxy_gets_hsts()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "healthz");
        request.Headers.Host = "dashboard.example";
        request.Headers.Add("X-Forwarded-For", "203.0.113.12");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts));
        Assert.StartsWith("max-age=", Assert.Single(hsts));
    }

    private async Task<int[]> StatusesAsync(string forwardedFor, int requests)
    {
        var statuses = new int[requests];
        for (var i = 0; i < requests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/symbols");
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await server.Client.SendAsync(request);
            statuses[i] = (int)response.StatusCode;
        }

        return statuses;
    }
}

/// <summary>No proxy configured: X-Forwarded-For is the client's own claim and changes nothing.</summary>
public sealed class SpoofedForwardedForTests(TinyRateLimitServer server) : IClassFixture<TinyRateLimitServer>
{
    [Fact]
    public async Task A_spoofed_forwarded_address_does_not_buy_a_new_budget()
    {
        var statuses = new List<int>();
        foreach (var spoofed in new[] { "203.0.113.20", "203.0.113.21", "203.0.113.22", "203.0.113.23", "2001:db8:cc::1" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/symbols");
            request.Headers.Add("X-Forwarded-For", spoofed);
            using var response = await server.Client.SendAsync(request);
            statuses.Add((int)response.StatusCode);
        }

        // All five count against 127.0.0.1, the socket's address.
        Assert.Equal([200, 200, 200, 429, 429], statuses);
    }
}
