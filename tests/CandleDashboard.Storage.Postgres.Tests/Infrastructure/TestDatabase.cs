using CandleDashboard.Storage.Postgres.Schema;
using Npgsql;

namespace CandleDashboard.Storage.Postgres.Tests.Infrastructure;

/// <summary>A fresh, migrated database with a data source and store over it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(NpgsqlDataSource dataSource, PostgresOptions options)
    {
        DataSource = dataSource;
        Options = options;
        Store = new PostgresCandleStore(dataSource, options);
    }

    public NpgsqlDataSource DataSource { get; }

    public PostgresOptions Options { get; }

    public PostgresCandleStore Store { get; }

    public static async Task<TestDatabase> CreateAsync(PostgresFixture fixture, Action<PostgresOptions>? configure = null, bool migrate = true)
    {
        var options = new PostgresOptions { ConnectionString = await fixture.CreateDatabaseAsync() };
        configure?.Invoke(options);
        var database = new TestDatabase(NpgsqlDataSource.Create(options.ConnectionString), options);
        if (migrate)
        {
            await new PostgresMigrator(database.DataSource, options).MigrateAsync(CancellationToken.None);
        }

        return database;
    }

    /// <summary>A scalar straight from SQL, to check what is really stored rather than what the store reads back.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
