using System.Net;
using System.Security.Cryptography;
using CandleDashboard.Admin.Tests.Infrastructure;
using CandleDashboard.Web.Admin;
using System.Text.Json;
using CandleDashboard.Tests.Shared.Servers;

namespace CandleDashboard.Api.Tests;

/// <summary>The app on real Redis and PostgreSQL (throwaway local processes): both are readiness checks.</summary>
public sealed class StoreReadinessTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private PostgresServer _postgres = null!;
    private StoreBackedServer _app = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _postgres = await PostgresServer.StartNewAsync();
        _app = new StoreBackedServer(_redis.ConnectionString, _postgres.ConnectionString);
        await _app.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _postgres.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Readyz_shows_a_postgres_outage_as_degraded_without_taking_the_instance_out()
    {
        var ready = await WaitForReadyzAsync(HttpStatusCode.OK);
        Assert.Equal(["buffers", "feed", "postgres", "redis"], ready.Keys.Order().ToArray());
        Assert.Equal("Healthy", ready["redis"].GetProperty("status").GetString());
        Assert.Equal("Healthy", ready["postgres"].GetProperty("status").GetString());

        await _postgres.StopAsync();

        // Still 200: every instance shares the database, so its outage must not empty the load balancer.
        var degraded = await WaitForReadyzAsync(HttpStatusCode.OK, "Degraded");
        Assert.Equal("Degraded", degraded["postgres"].GetProperty("status").GetString());
        Assert.Equal("Healthy", degraded["redis"].GetProperty("status").GetString());

        // Anonymous: no server address, no driver error text, only names and statuses.
        using var anonymousResponse = await _app.Client.GetAsync("readyz");
        var anonymous = await anonymousResponse.Content.ReadAsStringAsync();
        Assert.Contains("\"postgres\"", anonymous);
        Assert.DoesNotContain("127.0.0.1", anonymous);
        Assert.DoesNotContain("description", anonymous);
        Assert.DoesNotContain("ConnectionStrings", anonymous);

        // A signed-in operator sees why.
        using var admin = new AdminClient(_app.Client.BaseAddress!);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.LoginAsync(StoreBackedServer.Username, StoreBackedServer.Password)).StatusCode);
        using var detailed = await admin.Http.GetAsync("readyz");
        var checks = JsonSerializer.Deserialize<JsonElement>(await detailed.Content.ReadAsStringAsync())
            .GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Contains("ConnectionStrings:Postgres", checks["postgres"].GetProperty("description").GetString());
        Assert.Contains($"Redis at {_redis.ConnectionString.Split(',')[0]}", checks["redis"].GetProperty("description").GetString());
    }

    private async Task<Dictionary<string, JsonElement>> WaitForReadyzAsync(HttpStatusCode wanted, string? overall = null)
    {
        JsonElement body = default;
        await ApiServer.EventuallyAsync(async () =>
        {
            using var response = await _app.Client.GetAsync("readyz");
            body = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
            return response.StatusCode == wanted && (overall is null || body.GetProperty("status").GetString() == overall);
        }, $"/readyz {(int)wanted} {overall}", TimeSpan.FromSeconds(40));
        return body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
    }

    private sealed class StoreBackedServer(string redis, string postgres) : ApiServer
    {
        public const string Username = "operator";

        // A fresh random password per run; fewer hash iterations than production only to keep the login fast.
        public static readonly string Password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));

        private static readonly string Hash = PasswordHash.Create(Password, iterations: 10_000);

        protected override IEnumerable<string> ExtraArgs =>
        [
            $"--ConnectionStrings:Redis={redis}",
            $"--ConnectionStrings:Postgres={postgres}",
            $"--Admin:Username={Username}",
            $"--Admin:PasswordHash={Hash}",
        ];
    }
}
