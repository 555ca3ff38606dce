using System.Net;
using System.Net.Sockets;
using CandleDashboard.Storage.Postgres.Startup;
using CandleDashboard.Storage.Postgres.Tests.Infrastructure;
using Npgsql;

namespace CandleDashboard.Storage.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class StartupCheckTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Reachable_server_passes()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.Server.ConnectionString);

        var result = await new PostgresStartupCheck(dataSource).CheckAsync(CancellationToken.None);

        Assert.True(result.IsAvailable, result.Error);
        Assert.Equal($"127.0.0.1:{fixture.Server.Port}", result.Server);
    }

    [Fact]
    public async Task Nothing_listening_gives_one_line_naming_server_and_setting()
    {
        var port = ClosedPort();
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={port};Username=app;Password=s3cret-value;Database=candles;Timeout=3");

        var result = await new PostgresStartupCheck(dataSource).CheckAsync(CancellationToken.None);

        Assert.False(result.IsAvailable);
        Assert.Contains($"127.0.0.1:{port}", result.Error);
        Assert.Contains("ConnectionStrings:Postgres", result.Error);
        Assert.Contains("unreachable", result.Error);
        Assert.DoesNotContain("s3cret-value", result.Error);
        Assert.DoesNotContain('\n', result.Error!);
    }

    [Fact]
    public async Task Refused_login_names_user_server_and_setting()
    {
        // The throwaway cluster trusts every local login, but a role must still exist: an unknown one is refused (28000).
        var connectionString = fixture.Server.ConnectionString.Replace("Username=postgres", "Username=nobody_here") + ";Password=s3cret-value";
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        var result = await new PostgresStartupCheck(dataSource).CheckAsync(CancellationToken.None);

        Assert.False(result.IsAvailable);
        Assert.Contains($"127.0.0.1:{fixture.Server.Port}", result.Error);
        Assert.Contains("refused the login of user 'nobody_here'", result.Error);
        Assert.Contains("ConnectionStrings:Postgres", result.Error);
        Assert.DoesNotContain("s3cret-value", result.Error);
    }

    [Fact]
    public async Task Missing_database_is_named()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.Server.ConnectionStringFor("no_such_db"));

        var result = await new PostgresStartupCheck(dataSource).CheckAsync(CancellationToken.None);

        Assert.Contains("has no database 'no_such_db'", result.Error);
        Assert.Contains("ConnectionStrings:Postgres", result.Error);
    }

    /// <summary>A loopback port nobody listens on: bound and released, so connecting is refused at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
