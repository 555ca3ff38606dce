using System.Net;
using CandleDashboard.Admin.Tests.Infrastructure;

namespace CandleDashboard.Admin.Tests.Http;

public sealed class LoginThrottleTests(ThrottledAdminServer server) : IClassFixture<ThrottledAdminServer>
{
    [Fact]
    public async Task Sixth_attempt_in_a_minute_is_refused_even_with_the_right_password()
    {
        using var client = new AdminClient(server.BaseAddress);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.LoginAsync(AdminServer.Username, $"guess-{i}")).StatusCode);
        }

        var sixth = await client.LoginAsync(AdminServer.Username, AdminServer.Password);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Contains("Too many attempts", await sixth.Content.ReadAsStringAsync());
        Assert.False(client.HasAdminCookie);
    }
}
