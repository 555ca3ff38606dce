using CandleDashboard.Core.Fetching;
using CandleDashboard.Integration.Tests;
using CandleDashboard.Simulator;
using CandleDashboard.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using CandleDashboard.Tests.Shared.Servers;
using Npgsql;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Fault.Tests;

/// <summary>
/// One real redis-server and one real postgres per scenario class (a class fixture: a class that stops
/// or empties its servers disturbs no other, and classes run side by side, since most of a scenario is
/// waiting for buckets to close); each scenario gets its own exchange simulator (its faults are its
/// own) and a fresh database and an empty Redis.
/// </summary>
public sealed class FaultFixture : IAsyncLifetime
{
    /// <summary>Few series keep a scenario short; 15s is resampled from 1s klines, the others are the exchange's own.</summary>
    public static readonly string[] Symbols = ["BTCUSDT", "ETHUSDT"];

    public static readonly string[] Intervals = ["15s", "1m", "5m", "1h"];

    private int _databases;

    public RedisServer Redis { get; private set; } = null!;

    public PostgresServer Postgres { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var redis = RedisServer.StartAsync();
        Postgres = await PostgresServer.StartNewAsync();
        Redis = await redis;
    }

    public static Task<ExchangeSimulator> StartExchangeAsync(TimeProvider? clock = null) =>
        ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Symbols = Symbols,
            TradesPerSecondPerSymbol = 20,
            TimeProvider = clock ?? TimeProvider.System,
        });

    /// <summary>Waits for the app's first fetcher run to end without error (the scenario's starting line).</summary>
    public static Task<FetcherStatus> CleanFirstFetchAsync(AppInstance app) =>
        Eventually.ReachesAsync(
            () => app.Services.GetRequiredService<VenueDirectory>().Default.Fetcher.Status,
            s => s.LastRunAt is not null && s.LastError is null,
            TimeSpan.FromSeconds(90),
            "a clean first fetch");

    /// <summary>A new empty database and an empty Redis.</summary>
    public async Task<string> FreshStoresAsync()
    {
        await Redis.SendAsync("FLUSHALL");
        var name = $"faults_{Interlocked.Increment(ref _databases)}";
        // Unpooled: a scenario may have restarted the server, which kills every pooled connection.
        await using var connection = new NpgsqlConnection(Postgres.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return Postgres.ConnectionStringFor(name);
    }

    /// <summary>The app on these stores in Binance mode against <paramref name="exchange"/>, with short exchange timeouts.</summary>
    public string[] AppArgs(ExchangeSimulator exchange, string? postgres, bool redis = true, params string[] extra)
    {
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            "--environment=Production",
            "--Exchange:Mode=Binance",
            $"--Exchange:Binance:RestBaseUri={exchange.RestBaseUri}",
            $"--Exchange:Binance:WebSocketBaseUri={exchange.WebSocketBaseUri}",
            "--Exchange:Binance:RestTimeout=00:00:01",
            "--Exchange:Binance:ReconnectInitialDelay=00:00:00.050",
            "--Exchange:Binance:ReconnectMaxDelay=00:00:00.500",
            "--Persistence:InitialCandles=60",
            "--Persistence:ReconcileEvery=00:00:02",
            "--Logging:LogLevel:Default=Warning",
        };
        args.AddRange(Symbols.Select((s, i) => $"--Dashboard:Symbols:{i}={s}"));
        args.AddRange(Intervals.Select((s, i) => $"--Dashboard:Intervals:{i}={s}"));
        if (redis)
        {
            args.Add($"--ConnectionStrings:Redis={Redis.ConnectionString}");
        }

        if (postgres is not null)
        {
            args.Add($"--ConnectionStrings:Postgres={postgres}");
        }

        args.AddRange(extra);
        return [.. args];
    }

    /// <summary>
    /// Kills redis-server, leaves it down for <paramref name="down"/>, and starts a new, empty one on the
    /// same port (data lost, as after a crash without persistence).
    /// </summary>
    public async Task RestartRedisEmptyAsync(TimeSpan down = default)
    {
        var port = Redis.Port;
        await Redis.DisposeAsync();
        await Task.Delay(down);
        Redis = await RedisServer.StartAsync(port);
    }

    public async Task DisposeAsync()
    {
        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
