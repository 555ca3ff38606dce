using CandleDashboard.Storage.Postgres.Tests.Infrastructure;

namespace CandleDashboard.Storage.Postgres.Tests;

/// <summary>
/// A real outage: the server is stopped and started again. Its own server (class fixture), so the
/// outage never disturbs tests running in parallel on the shared one.
/// </summary>
public sealed class OutageRecoveryTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Candles_written_while_postgres_is_down_arrive_in_order_after_it_returns()
    {
        await using var db = await TestDatabase.CreateAsync(fixture, o =>
        {
            o.MaxAttempts = 2;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(100);
            o.WriterMaxBackoff = TimeSpan.FromMilliseconds(300);
        });
        var logger = new ListLogger<DurableCandleWriter>();
        await using var writer = new DurableCandleWriter(db.Store, db.Options, logger);
        var candles = Candles.Sequence(60, Candles.BtcMinute.Interval);
        await writer.UpsertAsync(Candles.BtcMinute, candles[..20], CancellationToken.None);
        await writer.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        await fixture.Server.StopAsync();
        try
        {
            // Two writes during the outage: both accepted (queued), neither can be written yet.
            await writer.UpsertAsync(Candles.BtcMinute, candles[20..40], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            await writer.UpsertAsync(Candles.BtcMinute, candles[40..], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            await Eventually.ReachesAsync(() => Task.FromResult(logger.Entries.Count(e => e.Message.Contains("PostgreSQL unavailable"))),
                n => n >= 2, TimeSpan.FromSeconds(20), "writer noticed the outage and kept retrying");
            Assert.Equal(40, writer.PendingCandles);
        }
        finally
        {
            await fixture.Server.StartAsync();
        }

        var stored = await Eventually.ReachesAsync(
            () => ReadOrEmptyAsync(db),
            s => s.Count == candles.Length, TimeSpan.FromSeconds(30), "all 60 candles stored after recovery");
        Assert.Equal(candles, stored);
        Assert.Equal(0, writer.PendingCandles);
        Assert.Contains(logger.Entries, e => e.Message.Contains("accepts writes again"));
    }

    [Fact]
    public async Task After_a_restart_the_first_read_succeeds_although_every_pooled_connection_is_dead()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var candles = Candles.Sequence(10, Candles.BtcMinute.Interval);
        await db.Store.UpsertAsync(Candles.BtcMinute, candles, CancellationToken.None);

        // Eight connections open at once, then back in the pool: all of them die with the server.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var connection = await db.DataSource.OpenConnectionAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT pg_sleep(0.05)", connection);
            await command.ExecuteNonQueryAsync();
        }));
        await fixture.Server.StopAsync();
        await fixture.Server.StartAsync();

        Assert.Equal(candles, await db.Store.GetRecentAsync(Candles.BtcMinute, 100, CancellationToken.None));
    }

    /// <summary>Right after the restart, pooled connections from before it fail once each; the poll just tries again.</summary>
    private static async Task<IReadOnlyList<Core.Market.Candle>> ReadOrEmptyAsync(TestDatabase db)
    {
        try
        {
            return await db.Store.GetRecentAsync(Candles.BtcMinute, 100, CancellationToken.None);
        }
        catch (Npgsql.NpgsqlException)
        {
            return [];
        }
    }
}
