using System.Net;
using CandleDashboard.Admin.Tests.Infrastructure;

namespace CandleDashboard.Admin.Tests.Http;

public sealed class DisabledAdminTests(DisabledAdminServer server) : IClassFixture<DisabledAdminServer>
{
    [Theory]
    [InlineData("admin/buffers")]
    [InlineData("admin/login")]
    public async Task Admin_pages_say_the_area_is_disabled(string path)
    {
        using var client = new AdminClient(server.BaseAddress);

        var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Admin area disabled: set Admin:Username and Admin:PasswordHash.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_answers_401_and_charts_still_work()
    {
        using var client = new AdminClient(server.BaseAddress);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("api/buffers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("chart/BTCUSDT/1m")).StatusCode);
    }
}
