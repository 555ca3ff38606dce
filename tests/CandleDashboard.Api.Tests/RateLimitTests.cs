using System.Net;

namespace CandleDashboard.Api.Tests;

/// <summary>An app with a tiny limit: 3 requests per minute per IP.</summary>
public sealed class TinyRateLimitServer : ApiServer
{
    protected override IEnumerable<string> ExtraArgs => ["--Api:RateLimit:PermitLimit=3", "--Api:RateLimit:Window=00:01:00"];
}

public sealed class RateLimitTests(TinyRateLimitServer server) : IClassFixture<TinyRateLimitServer>
{
    [Fact]
    public async Task Over_the_limit_is_a_429_problem_with_retry_after()
    {
        for (var i = 0; i < 3; i++)
        {
            using var ok = await server.Client.GetAsync("api/symbols");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await server.Client.GetAsync("api/symbols");
        var body = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Equal("Too many requests", body.GetProperty("title").GetString());
        Assert.StartsWith("At most 3 API requests per 60 s from one address; retry after", body.GetProperty("detail").GetString());

        // Health stays reachable for probes while the API refuses.
        using var health = await server.Client.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
