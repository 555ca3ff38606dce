using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Postgres.Tests.Infrastructure;

namespace CandleDashboard.Storage.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class RetentionTests(PostgresFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Rows_older_than_the_cutoff_go_in_batches_and_everything_else_stays()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var btc = Candles.BtcMinute;
        var eth = new SeriesKey("kraken", "ETHUSD", Interval.OneMinute);
        var btcHour = new SeriesKey("binance", "BTCUSDT", Interval.OneHour);
        var minutes = Candles.Sequence(100, Interval.OneMinute);
        await db.Store.UpsertAsync(btc, minutes, None);
        await db.Store.UpsertAsync(eth, minutes, None);
        await db.Store.UpsertAsync(btcHour, Candles.Sequence(10, Interval.OneHour), None);
        var cutoff = minutes[40].OpenTime;

        // 80 rows in batches of 7: several full batches and a short last one.
        var deleted = await db.Store.DeleteOlderThanAsync(Interval.OneMinute, cutoff, batchSize: 7, None);

        Assert.Equal(80, deleted);
        Assert.Equal(minutes[40..], await db.Store.GetRangeAsync(btc, 0, long.MaxValue, None));
        Assert.Equal(minutes[40..], await db.Store.GetRangeAsync(eth, 0, long.MaxValue, None));
        Assert.Equal(10, (await db.Store.GetMetadataAsync(btcHour, None))!.Count);
    }

    [Fact]
    public async Task A_run_with_nothing_to_delete_deletes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var minutes = Candles.Sequence(10, Interval.OneMinute);
        await db.Store.UpsertAsync(Candles.BtcMinute, minutes, None);

        Assert.Equal(0, await db.Store.DeleteOlderThanAsync(Interval.OneMinute, minutes[0].OpenTime, batchSize: 1000, None));
        Assert.Equal(0, await db.Store.DeleteOlderThanAsync(Interval.FifteenSeconds, long.MaxValue, batchSize: 1000, None));
        Assert.Equal(10, (await db.Store.GetMetadataAsync(Candles.BtcMinute, None))!.Count);
    }

    [Fact]
    public async Task A_batch_exactly_the_size_of_what_is_old_still_ends()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var minutes = Candles.Sequence(10, Interval.OneMinute);
        await db.Store.UpsertAsync(Candles.BtcMinute, minutes, None);

        Assert.Equal(5, await db.Store.DeleteOlderThanAsync(Interval.OneMinute, minutes[5].OpenTime, batchSize: 5, None));
        Assert.Equal(minutes[5..], await db.Store.GetRangeAsync(Candles.BtcMinute, 0, long.MaxValue, None));
    }
}
