using CandleDashboard.Tests.Shared.Servers;
using StackExchange.Redis;

namespace CandleDashboard.Storage.Redis.Tests.Infrastructure;

/// <summary>One real redis-server for the whole test run (starting one per class would dominate the run time).</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;
    private IConnectionMultiplexer? _connection;

    public RedisServer Server => _server ?? throw new InvalidOperationException("Fixture not started.");

    /// <summary>The "app instance" connection most tests use.</summary>
    public IConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("Fixture not started.");

    public IDatabase Db => Connection.GetDatabase();

    public async Task InitializeAsync()
    {
        _server = await RedisServer.StartAsync();
        _connection = await RedisConnector.ConnectAsync(_server.EndPoint);
    }

    /// <summary>A second, independent connection: another app instance. Dispose it with <c>await using</c>.</summary>
    public async Task<OtherInstance> ConnectAnotherAsync() => new(await RedisConnector.ConnectAsync(Server.EndPoint));

    public async Task DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>Another app instance's own connection.</summary>
public sealed class OtherInstance(IConnectionMultiplexer connection) : IAsyncDisposable
{
    public IConnectionMultiplexer Connection => connection;

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}
