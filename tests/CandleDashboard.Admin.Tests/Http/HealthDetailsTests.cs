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

        // Poll until both venues' feeds are live and a venue's buffers are in, so the descriptions are known
        // ones (Kraken's call counter may still be filling its own buffers: Degraded, with the reason).
        var body = await Eventually.ReachesAsync(
            () => ReadyzAsync(admin),
            b => b.GetProperty("status").GetString() != "Unhealthy" && Check(b, "feed").GetProperty("status").GetString() == "Healthy",
            TimeSpan.FromSeconds(30),
            "/readyz ready with live feeds");

        var feed = Check(body, "feed");
        Assert.Equal("Every trade feed is live.", feed.GetProperty("description").GetString());
        Assert.Equal("Live", feed.GetProperty("data").GetProperty("binance").GetProperty("state").GetString());
        Assert.Equal("Live", feed.GetProperty("data").GetProperty("kraken").GetProperty("state").GetString());
        var buffers = Check(body, "buffers");
        // 4 Binance symbols and 2 Kraken pairs, each at the 8 default intervals.
        Assert.Equal(48, buffers.GetProperty("data").GetProperty("buffers").GetInt32());
        var notReady = buffers.GetProperty("data").GetProperty("notReady").GetInt32();
        Assert.Equal(notReady == 0 ? "Healthy" : "Degraded", buffers.GetProperty("status").GetString());
        Assert.StartsWith(notReady == 0 ? "All 48 buffers loaded." : $"{notReady} of 48 buffers not ready: kraken ", buffers.GetProperty("description").GetString());
        Assert.True(body.TryGetProperty("durationMs", out _));
    }

    private static JsonElement Check(JsonElement body, string name) =>
        body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static async Task<JsonElement> ReadyzAsync(AdminClient client)
    {
        using var response = await client.Http.GetAsync("readyz");
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
    }
}
