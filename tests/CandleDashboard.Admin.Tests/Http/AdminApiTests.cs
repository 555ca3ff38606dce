using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CandleDashboard.Admin.Tests.Infrastructure;

namespace CandleDashboard.Admin.Tests.Http;

[Collection(AdminCollection.Name)]
public sealed class AdminApiTests(AdminServer server)
{
    [Fact]
    public async Task Api_without_the_cookie_is_401_problem_not_a_redirect()
    {
        using var client = new AdminClient(server.BaseAddress);

        var response = await client.Http.GetAsync("api/buffers");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Signed_in_api_lists_every_buffer_and_validates_the_series()
    {
        using var client = new AdminClient(server.BaseAddress);
        var login = await client.LoginAsync(AdminServer.Username, AdminServer.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.True(client.HasAdminCookie);

        var all = await client.Http.GetFromJsonAsync<JsonElement>("api/buffers");
        Assert.Equal(32, all.GetArrayLength());
        Assert.Equal("BNBUSDT", all[0].GetProperty("symbol").GetString()); // ordinal symbol order, then interval length
        Assert.Equal("15s", all[0].GetProperty("interval").GetString());
        Assert.Equal(8, all.EnumerateArray().Count(b => b.GetProperty("symbol").GetString() == "ETHUSDT"));

        var one = await client.Http.GetFromJsonAsync<JsonElement>("api/buffers/ethusdt/1m");
        Assert.Equal("ETHUSDT", one.GetProperty("symbol").GetString());
        Assert.Equal("1m", one.GetProperty("interval").GetString());
        Assert.Equal(100, one.GetProperty("capacity").GetInt32());

        // The same series rules and answers as the public API.
        var badSymbol = await client.Http.GetAsync("api/buffers/BTC-USDT/1m");
        Assert.Equal(HttpStatusCode.BadRequest, badSymbol.StatusCode);
        var badSymbolBody = await badSymbol.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Symbol 'BTC-USDT' is not valid: expected 2-20 letters or digits, e.g. BTCUSDT.", badSymbolBody.GetProperty("errors").GetProperty("symbol")[0].GetString());

        var badInterval = await client.Http.GetAsync("api/buffers/BTCUSDT/7m");
        Assert.Equal(HttpStatusCode.BadRequest, badInterval.StatusCode);
        Assert.StartsWith("Unknown interval '7m'.", (await badInterval.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("interval")[0].GetString());

        // Another exchange's buffers by ?exchange=, as in the public API.
        var kraken = await client.Http.GetFromJsonAsync<JsonElement>("api/buffers?exchange=kraken");
        Assert.Equal(16, kraken.GetArrayLength());
        Assert.Equal(["BTCUSD", "ETHUSD"], kraken.EnumerateArray().Select(b => b.GetProperty("symbol").GetString()).Distinct());
        Assert.Equal("ETHUSD", (await client.Http.GetFromJsonAsync<JsonElement>("api/buffers/ethusd/1m?exchange=kraken")).GetProperty("symbol").GetString());
        var unknownExchange = await client.Http.GetAsync("api/buffers?exchange=coinbase");
        Assert.Equal(HttpStatusCode.NotFound, unknownExchange.StatusCode);
        Assert.Equal("Unknown exchange", (await unknownExchange.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        var unknown = await client.Http.GetAsync("api/buffers/DOGEUSDT/1m");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Unknown symbol", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Login_cookie_is_http_only_and_same_site_strict()
    {
        using var client = new AdminClient(server.BaseAddress);

        var login = await client.LoginAsync(AdminServer.Username, AdminServer.Password);

        var setCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CandleDashboard.Web.Admin.AdminPolicy.CookieName + "="));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("/admin/buffers", login.Headers.Location?.OriginalString.Replace(server.BaseAddress.ToString().TrimEnd('/'), ""));
    }

    [Fact]
    public async Task Wrong_password_sets_no_cookie_and_says_so()
    {
        using var client = new AdminClient(server.BaseAddress);

        var login = await client.LoginAsync(AdminServer.Username, "not-the-password");

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Contains("Wrong user name or password.", await login.Content.ReadAsStringAsync());
        Assert.False(client.HasAdminCookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("api/buffers")).StatusCode);
    }

    [Fact]
    public async Task Return_url_to_another_site_is_not_followed()
    {
        using var client = new AdminClient(server.BaseAddress);

        var login = await client.LoginAsync(AdminServer.Username, AdminServer.Password, "admin/login?returnUrl=%2F%2Fevil.example%2F");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.DoesNotContain("evil", login.Headers.Location!.OriginalString);
        Assert.EndsWith("/admin/buffers", login.Headers.Location.OriginalString);
    }

    [Fact]
    public async Task Status_page_without_cookie_redirects_to_login_with_local_return_url()
    {
        using var client = new AdminClient(server.BaseAddress);

        var response = await client.Http.GetAsync("admin/buffers");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/login", response.Headers.Location!.AbsolutePath);
        Assert.Contains("returnUrl=%2Fadmin%2Fbuffers", response.Headers.Location.Query);
    }

    [Fact]
    public async Task Charts_stay_public()
    {
        using var client = new AdminClient(server.BaseAddress);

        var chart = await client.Http.GetAsync("chart/BTCUSDT/1m");

        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
    }
}
