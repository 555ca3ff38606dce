using CandleDashboard.Storage.Postgres.Schema;
using CandleDashboard.Storage.Postgres.Startup;
using CandleDashboard.Storage.Postgres.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CandleDashboard.Storage.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ServiceRegistrationTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Registered_services_check_migrate_and_store_against_a_real_server()
    {
        var connectionString = await fixture.CreateDatabaseAsync();
        var services = new ServiceCollection().AddLogging().AddPostgresStorage(connectionString, o => o.MaxQueuedCandles = 500);
        await using var provider = services.BuildServiceProvider();

        Assert.True((await provider.GetRequiredService<PostgresStartupCheck>().CheckAsync(CancellationToken.None)).IsAvailable);
        await provider.GetRequiredService<PostgresMigrator>().MigrateAsync(CancellationToken.None);
        var writer = provider.GetRequiredService<DurableCandleWriter>();
        var candles = Candles.Sequence(3, Candles.BtcMinute.Interval);
        await writer.UpsertAsync(Candles.BtcMinute, candles, CancellationToken.None);
        await writer.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(candles, await provider.GetRequiredService<PostgresCandleStore>().GetRecentAsync(Candles.BtcMinute, 10, CancellationToken.None));
        Assert.Equal(500, provider.GetRequiredService<PostgresOptions>().MaxQueuedCandles);
        Assert.Equal("postgres", writer.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_connection_string_names_the_setting(string connectionString)
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddPostgresStorage(connectionString));
        Assert.Contains("ConnectionStrings:Postgres", error.Message);
    }

    [Fact]
    public void Malformed_connection_string_names_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddPostgresStorage("Hots=db;Password=x"));
        Assert.Contains("ConnectionStrings:Postgres", error.Message);
    }
}
