using System.Net;
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
    public async Task Readyz_checks_the_stores_and_turns_unready_when_postgres_goes()
    {
        var ready = await WaitForReadyzAsync(HttpStatusCode.OK);
        Assert.Equal(["buffers", "feed", "postgres", "redis"], ready.Keys.Order().ToArray());
        Assert.Equal("Healthy", ready["redis"].GetProperty("status").GetString());
        Assert.Equal("Healthy", ready["postgres"].GetProperty("status").GetString());

        await _postgres.StopAsync();

        var unready = await WaitForReadyzAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Unhealthy", unready["postgres"].GetProperty("status").GetString());
        Assert.Equal("Healthy", unready["redis"].GetProperty("status").GetString());
        Assert.Contains("ConnectionStrings:Postgres", unready["postgres"].GetProperty("description").GetString());
    }

    private async Task<Dictionary<string, JsonElement>> WaitForReadyzAsync(HttpStatusCode wanted)
    {
        JsonElement body = default;
        await ApiServer.EventuallyAsync(async () =>
        {
            using var response = await _app.Client.GetAsync("readyz");
            body = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
            return response.StatusCode == wanted;
        }, $"/readyz {(int)wanted}", TimeSpan.FromSeconds(40));
        return body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
    }

    private sealed class StoreBackedServer(string redis, string postgres) : ApiServer
    {
        protected override IEnumerable<string> ExtraArgs => [$"--ConnectionStrings:Redis={redis}", $"--ConnectionStrings:Postgres={postgres}"];
    }
}
