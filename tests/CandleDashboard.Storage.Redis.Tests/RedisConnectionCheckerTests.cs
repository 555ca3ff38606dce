using CandleDashboard.Storage.Redis.Tests.Infrastructure;
using CandleDashboard.Tests.Shared.Servers;

namespace CandleDashboard.Storage.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class RedisConnectionCheckerTests(RedisFixture redis)
{
    [Fact]
    public async Task Unreachable_server_gives_one_clear_line_naming_server_and_setting()
    {
        var port = RedisServer.FreeLoopbackPort();

        var check = await RedisConnectionChecker.CheckAsync($"127.0.0.1:{port},connectTimeout=500,password=s3cret", CancellationToken.None);

        Assert.False(check.IsReachable);
        Assert.Equal($"127.0.0.1:{port}", check.Servers);
        Assert.Equal(
            $"Redis at 127.0.0.1:{port} is unreachable (no connection: refused, timed out or rejected); check the setting ConnectionStrings:Redis (host, port, password) and that Redis is running.",
            check.Error);
        Assert.DoesNotContain("s3cret", check.Error);
    }

    [Fact]
    public async Task Reachable_server_answers_ping()
    {
        var check = await new RedisConnectionChecker(redis.Connection).CheckAsync(CancellationToken.None);

        Assert.True(check.IsReachable, check.Error);
        Assert.Equal(redis.Server.EndPoint, check.Servers);
        Assert.NotNull(check.RoundTrip);
        Assert.Null(check.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("password=s3cret")] // options but no server
    public async Task Unusable_connection_string_names_the_setting_and_hides_the_password(string connectionString)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => RedisConnector.ConnectAsync(connectionString));

        Assert.Contains("ConnectionStrings:Redis", error.Message);
        Assert.DoesNotContain("s3cret", error.Message);
    }
}
