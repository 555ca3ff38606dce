using CandleDashboard.Tests.Shared.Servers;
using Npgsql;

namespace CandleDashboard.Tests.Shared.Postgres;

/// <summary>One real PostgreSQL server per collection or class; each test gets its own fresh database on it (the store and import tests share it).</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("Server not started.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartNewAsync();

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A new empty database (unique name), so tests never see each other's rows or schema.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(Server.ConnectionString + ";Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return Server.ConnectionStringFor(name);
    }
}
