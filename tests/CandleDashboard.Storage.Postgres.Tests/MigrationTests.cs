using CandleDashboard.Storage.Postgres.Schema;
using CandleDashboard.Storage.Postgres.Tests.Infrastructure;
using Npgsql;

namespace CandleDashboard.Storage.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresFixture fixture)
{
    private static readonly int[] AllVersions = MigrationScripts.All.Select(m => m.Version).ToArray();

    [Fact]
    public void Embedded_scripts_are_numbered_from_one_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, AllVersions.Length), AllVersions);
        Assert.Equal("candles", MigrationScripts.All[0].Name);
    }

    [Fact]
    public async Task Fresh_database_gets_every_script_and_a_plain_candles_table_without_timescaledb()
    {
        await using var db = await TestDatabase.CreateAsync(fixture, migrate: false);

        var result = await new PostgresMigrator(db.DataSource, db.Options).MigrateAsync(CancellationToken.None);

        Assert.Equal(AllVersions, result.Applied);
        Assert.Equal(AllVersions[^1], result.CurrentVersion);
        Assert.False(result.IsHypertable);
        Assert.Equal('r', await db.ScalarAsync<char>("SELECT relkind FROM pg_class WHERE relname = 'candles'"));
        Assert.Equal(
            "exchange,symbol,interval,open_time",
            await db.ScalarAsync<string>("""
                SELECT string_agg(a.attname, ',' ORDER BY k.ord)
                FROM pg_index i
                CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                WHERE i.indrelid = 'candles'::regclass AND i.indisprimary
                """));
    }

    [Fact]
    public async Task Running_twice_applies_nothing_the_second_time()
    {
        await using var db = await TestDatabase.CreateAsync(fixture, migrate: false);
        var migrator = new PostgresMigrator(db.DataSource, db.Options);

        await migrator.MigrateAsync(CancellationToken.None);
        var second = await migrator.MigrateAsync(CancellationToken.None);

        Assert.Empty(second.Applied);
        Assert.Equal(AllVersions[^1], second.CurrentVersion);
        Assert.Equal(AllVersions.Length, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Two_instances_starting_together_apply_each_script_exactly_once()
    {
        await using var db = await TestDatabase.CreateAsync(fixture, migrate: false);

        // Separate data sources, as two app processes would have.
        await using var other = NpgsqlDataSource.Create(db.Options.ConnectionString);
        var results = await Task.WhenAll(
            new PostgresMigrator(db.DataSource, db.Options).MigrateAsync(CancellationToken.None),
            new PostgresMigrator(other, db.Options).MigrateAsync(CancellationToken.None));

        Assert.Equal(AllVersions, results.SelectMany(r => r.Applied).Order());
        Assert.Equal(AllVersions.Length, await db.ScalarAsync<long>("SELECT count(DISTINCT version) FROM schema_migrations"));
        Assert.Equal(AllVersions.Length, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_failing_script_leaves_no_trace_and_is_retried_on_the_next_run()
    {
        await using var db = await TestDatabase.CreateAsync(fixture, migrate: false);
        Migration good = new(1, "good", "CREATE TABLE good_table (id int)");
        Migration bad = new(2, "bad", "CREATE TABLE half_done (id int); SELECT no_such_function();");

        await Assert.ThrowsAsync<PostgresException>(() =>
            new PostgresMigrator(db.DataSource, [good, bad], TimeSpan.FromSeconds(10)).MigrateAsync(CancellationToken.None));

        Assert.Equal(1, await db.ScalarAsync<int>("SELECT max(version) FROM schema_migrations"));
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('half_done') IS NOT NULL"));

        Migration fixedBad = bad with { Sql = "CREATE TABLE half_done (id int)" };
        var rerun = await new PostgresMigrator(db.DataSource, [good, fixedBad], TimeSpan.FromSeconds(10)).MigrateAsync(CancellationToken.None);
        Assert.Equal([2], rerun.Applied);
    }
}
