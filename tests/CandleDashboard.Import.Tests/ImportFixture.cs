using CandleDashboard.Tests.Shared.Servers;
using Npgsql;

namespace CandleDashboard.Import.Tests;

/// <summary>One real PostgreSQL server for every import test; each test takes fresh databases on it.</summary>
public sealed class ImportFixture : IAsyncLifetime
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

    /// <summary>A new empty database; the import command migrates it itself.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "i_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(Server.ConnectionString + ";Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return Server.ConnectionStringFor(name);
    }
}

[CollectionDefinition(Name)]
public sealed class ImportCollection : ICollectionFixture<ImportFixture>
{
    public const string Name = "import";
}
