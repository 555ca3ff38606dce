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
    public async Task With_postgres_alone_data_updated_goes_out_only_once_the_rows_can_be_read()
    {
        await using var db = await TestDatabase.CreateAsync(fixture, o =>
        {
            o.MaxAttempts = 2;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(100);
            o.WriterMaxBackoff = TimeSpan.FromMilliseconds(300);
        });
        await using var writer = new DurableCandleWriter(db.Store, db.Options);
        var bus = new Core.Storage.InMemory.InMemoryDataUpdatedBus();
        var announced = new List<(Core.Storage.DataUpdated Message, int RowsReadable)>();
        using var subscription = bus.Subscribe(message =>
        {
            // What a chart does on data_updated: read the announced range, right then.
            var rows = db.Store.GetRangeAsync(Candles.BtcMinute, message.From, message.To, CancellationToken.None).GetAwaiter().GetResult();
            lock (announced)
            {
                announced.Add((message, rows.Count));
            }
        });
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Candles.Start + (10 * 60_000) + 5_000));
        // PostgreSQL goes down mid-run: after the fetcher has read where to continue, while it asks the exchange.
        var stopped = false;
        var fetcher = new Core.Fetching.OfficialKlineFetcher(
            new FixedKlines(Candles.Sequence(10, Candles.BtcMinute.Interval), async () =>
            {
                await fixture.Server.StopAsync();
                stopped = true;
            }),
            [writer],
            bus,
            new Core.Fetching.FetcherOptions { Symbols = ["BTCUSDT"], Intervals = [Candles.BtcMinute.Interval], InitialCandles = 10 },
            clock);

        try
        {
            var committed = Assert.Single(await fetcher.RunOnceAsync(CancellationToken.None));
            Assert.True(stopped);
            Assert.Equal(10, committed.Count);
            Assert.Equal(10, writer.PendingCandles);
            Assert.Equal(1, fetcher.DeferredAnnouncements);
            Assert.Empty(announced);
        }
        finally
        {
            await fixture.Server.StartAsync();
        }

        await Eventually.ReachesAsync(() => announced.Count, n => n == 1, TimeSpan.FromSeconds(30), "the announcement after recovery");
        Assert.Equal(10, announced[0].RowsReadable);
    }

    /// <summary>An exchange that has exactly these closed klines, and runs <paramref name="onRequest"/> before answering.</summary>
    private sealed class FixedKlines(Core.Market.Candle[] klines, Func<Task> onRequest) : Core.Exchange.IKlineSource
    {
        public IReadOnlyList<Core.Market.Interval> SupportedIntervals { get; } = [Core.Market.Interval.OneMinute];

        public int MaxKlinesPerRequest => 1000;

        public async Task<IReadOnlyList<Core.Market.Candle>> GetKlinesAsync(string symbol, Core.Market.Interval interval, long? startTime, long? endTime, int limit, CancellationToken cancellationToken)
        {
            await onRequest();
            return [.. klines.Where(k => k.OpenTime >= (startTime ?? 0) && k.OpenTime <= (endTime ?? long.MaxValue)).Take(limit)];
        }
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
