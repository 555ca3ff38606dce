using CandleDashboard.Simulator;
using CandleDashboard.Tests.Shared.Servers;
using Npgsql;

namespace CandleDashboard.Integration.Tests;

/// <summary>
/// One real redis-server, one real postgres and one exchange simulator for the whole collection.
/// The simulator runs outside the app instances, so an app can be stopped and started again
/// against the same exchange (and the exchange's request counter survives the restart).
/// </summary>
public sealed class StoresFixture : IAsyncLifetime
{
    private int _databases;

    public RedisServer Redis { get; private set; } = null!;

    public PostgresServer Postgres { get; private set; } = null!;

    public ExchangeSimulator Exchange { get; private set; } = null!;

    /// <summary>When the simulator started: its generated history ends here.</summary>
    public DateTimeOffset ExchangeStartedAt { get; private set; }

    public async Task InitializeAsync()
    {
        var redis = RedisServer.StartAsync();
        var postgres = PostgresServer.StartNewAsync();
        ExchangeStartedAt = DateTimeOffset.UtcNow;
        Exchange = await ExchangeSimulator.StartAsync(new SimulatorOptions { TradesPerSecondPerSymbol = 20 });
        Redis = await redis;
        Postgres = await postgres;
    }

    /// <summary>A new empty database and an empty Redis: every test starts from fresh stores.</summary>
    public async Task<string> FreshStoresAsync()
    {
        await Redis.SendAsync("FLUSHALL");
        var name = $"candles_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(Postgres.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return Postgres.ConnectionStringFor(name);
    }

    /// <summary>Arguments for an app instance on these servers, the exchange in Binance mode pointed at the simulator.</summary>
    public string[] AppArgs(string postgres, params string[] extra) =>
    [
        "--urls=http://127.0.0.1:0",
        "--environment=Production",
        "--Exchange:Mode=Binance",
        $"--Exchange:Binance:RestBaseUri={Exchange.RestBaseUri}",
        $"--Exchange:Binance:WebSocketBaseUri={Exchange.WebSocketBaseUri}",
        $"--ConnectionStrings:Redis={Redis.ConnectionString}",
        $"--ConnectionStrings:Postgres={postgres}",
        "--Persistence:InitialCandles=120",
        "--Logging:LogLevel:Default=Warning",
        .. extra,
    ];

    /// <summary>Arguments for an app instance whose only store is this Redis (no PostgreSQL).</summary>
    public string[] RedisOnlyAppArgs(params string[] extra) =>
        [.. AppArgs("unused", extra).Where(a => !a.StartsWith("--ConnectionStrings:Postgres=", StringComparison.Ordinal))];

    /// <summary>Arguments for an app instance with no store configured: in memory, on its own.</summary>
    public string[] StorelessAppArgs(params string[] extra) =>
        [.. AppArgs("unused", extra).Where(a => !a.StartsWith("--ConnectionStrings:", StringComparison.Ordinal))];

    public async Task DisposeAsync()
    {
        await Exchange.DisposeAsync();
        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class StoresCollection : ICollectionFixture<StoresFixture>
{
    public const string Name = "real stores";
}
