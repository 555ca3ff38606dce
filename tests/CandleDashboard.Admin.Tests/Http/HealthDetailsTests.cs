using System.Text.Json;
using CandleDashboard.Admin.Tests.Infrastructure;

namespace CandleDashboard.Admin.Tests.Http;

/// <summary>/readyz tells anonymous probes the statuses only; a signed-in operator also gets descriptions and data.</summary>
[Collection(AdminCollection.Name)]
public sealed class HealthDetailsTests(AdminServer server)
{
    [Fact]
    public async Task Anonymous_readyz_has_names_and_statuses_only()
    {
        using var anonymous = new AdminClient(server.BaseAddress);
        var body = await ReadyzAsync(anonymous);

        Assert.Equal(["checks", "status"], body.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(["buffers", "feed"], body.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order());
        Assert.All(body.GetProperty("checks").EnumerateArray(), c => Assert.Equal(["name", "status"], c.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task Signed_in_operator_gets_descriptions_and_data()
    {
        using var admin = new AdminClient(server.BaseAddress);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await admin.LoginAsync(AdminServer.Username, AdminServer.Password)).StatusCode);

        // Poll until the feed is live, so the description is a known one.
        var body = await Eventually.ReachesAsync(() => ReadyzAsync(admin), b => b.GetProperty("status").GetString() == "Healthy", TimeSpan.FromSeconds(30), "/readyz healthy");

        var checks = body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal("Trade feed is live.", checks["feed"].GetProperty("description").GetString());
        Assert.Equal("Live", checks["feed"].GetProperty("data").GetProperty("state").GetString());
        Assert.Equal(0, checks["buffers"].GetProperty("data").GetProperty("notReady").GetInt32());
        Assert.True(body.TryGetProperty("durationMs", out _));
    }

    private static async Task<JsonElement> ReadyzAsync(AdminClient client)
    {
        using var response = await client.Http.GetAsync("readyz");
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
    }
}
