using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Postgres.Tests.Infrastructure;

namespace CandleDashboard.Storage.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class CandleStoreTests(PostgresFixture fixture)
{
    private static readonly SeriesKey Series = Candles.BtcMinute;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Decimals_round_trip_exactly()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        Candle[] written =
        [
            new(Candles.Start, 0.00000001m, 98765.43210987m, 0.000000000000000001m, 12345.6789012345678901234567m,
                79228162514264337593543950335m, 0.1m, long.MaxValue, true, CandleSource.Official),
            new(Candles.Start + 60_000, 3.14159265358979323846264338m, 3.2m, 3.1m, 3.15m, 0m, 0m, 0, false, CandleSource.Live),
        ];

        await db.Store.UpsertAsync(Series, written, None);

        Assert.Equal(written, await db.Store.GetRecentAsync(Series, 10, None));
        Assert.Equal("12345.6789012345678901234567", await db.ScalarAsync<string>($"SELECT close::text FROM candles WHERE open_time = {Candles.Start}"));
    }

    [Fact]
    public async Task Every_candle_source_round_trips_under_its_own_word()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        Candle[] written =
        [
            Candles.At(Candles.Start) with { Source = CandleSource.Live },
            Candles.At(Candles.Start + 60_000) with { Source = CandleSource.Official },
            Candles.At(Candles.Start + 120_000) with { Source = CandleSource.OfficialFromTrades },
        ];

        await db.Store.UpsertAsync(Series, written, None);

        Assert.Equal(written, await db.Store.GetRecentAsync(Series, 10, None));
        Assert.Equal("live,official,official-trades", await db.ScalarAsync<string>("SELECT string_agg(source, ',' ORDER BY open_time) FROM candles"));
    }

    [Fact]
    public async Task A_changed_resend_replaces_the_row_leaving_one_row_per_open_time()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var first = Candles.Sequence(5, Series.Interval);
        await db.Store.UpsertAsync(Series, first, None);

        var changed = first[2] with { Close = 555.55m, High = 600m, TradeCount = 99 };
        await db.Store.UpsertAsync(Series, [changed, first[3]], None);

        Assert.Equal(5, await db.ScalarAsync<long>("SELECT count(*) FROM candles"));
        var stored = await db.Store.GetRangeAsync(Series, first[0].OpenTime, first[^1].OpenTime, None);
        Assert.Equal([first[0], first[1], changed, first[3], first[4]], stored);
        Assert.True(await db.ScalarAsync<bool>($"SELECT updated_at > inserted_at FROM candles WHERE open_time = {changed.OpenTime}"));
    }

    [Fact]
    public async Task Duplicates_inside_one_upsert_keep_the_last()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var a = Candles.At(Candles.Start, close: 1m);
        var b = Candles.At(Candles.Start, close: 2m);

        await db.Store.UpsertAsync(Series, [a, b], None);

        Assert.Equal([b], await db.Store.GetRecentAsync(Series, 10, None));
    }

    [Fact]
    public async Task Recent_returns_the_newest_n_oldest_first_from_unordered_input()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var candles = Candles.Sequence(50, Series.Interval);
        await db.Store.UpsertAsync(Series, Enumerable.Reverse(candles).ToArray(), None);

        var recent = await db.Store.GetRecentAsync(Series, 10, None);

        Assert.Equal(candles[^10..], recent);
        Assert.Empty(await db.Store.GetRecentAsync(Series, 0, None));
        Assert.Equal(50, (await db.Store.GetRecentAsync(Series, 1000, None)).Count);
    }

    [Fact]
    public async Task Range_is_inclusive_at_both_ends()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var candles = Candles.Sequence(10, Series.Interval);
        await db.Store.UpsertAsync(Series, candles, None);

        Assert.Equal(candles[2..6], await db.Store.GetRangeAsync(Series, candles[2].OpenTime, candles[5].OpenTime, None));
        Assert.Equal(candles[..1], await db.Store.GetRangeAsync(Series, 0, candles[0].OpenTime, None));
        Assert.Empty(await db.Store.GetRangeAsync(Series, candles[5].OpenTime, candles[2].OpenTime, None));
    }

    [Fact]
    public async Task Metadata_is_earliest_latest_and_count_or_null_when_empty()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        Assert.Null(await db.Store.GetMetadataAsync(Series, None));

        var candles = Candles.Sequence(7, Series.Interval);
        await db.Store.UpsertAsync(Series, candles, None);
        await db.Store.UpsertAsync(Series, candles[3..], None); // re-sent: count unchanged

        Assert.Equal(new SeriesMetadata(candles[0].OpenTime, candles[^1].OpenTime, 7), await db.Store.GetMetadataAsync(Series, None));
    }

    [Fact]
    public async Task Series_differing_in_any_part_do_not_mix()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        SeriesKey[] all =
        [
            Series,
            new("binance", "ETHUSDT", Interval.OneMinute),
            new("binance", "BTCUSDT", Interval.FiveMinutes),
            new("kraken", "BTCUSDT", Interval.OneMinute),
        ];
        for (var i = 0; i < all.Length; i++)
        {
            await db.Store.UpsertAsync(all[i], Candles.Sequence(i + 1, Interval.OneMinute, firstClose: 1000m * (i + 1)), None);
        }

        for (var i = 0; i < all.Length; i++)
        {
            var stored = await db.Store.GetRecentAsync(all[i], 100, None);
            Assert.Equal(i + 1, stored.Count);
            Assert.Equal(1000m * (i + 1), stored[0].Close);
            Assert.Equal(i + 1, (await db.Store.GetMetadataAsync(all[i], None))!.Count);
        }
    }

    [Fact]
    public async Task An_upsert_larger_than_the_batch_size_is_written_whole()
    {
        await using var db = await TestDatabase.CreateAsync(fixture, o => o.UpsertBatchSize = 100);
        var candles = Candles.Sequence(1234, Series.Interval);

        await db.Store.UpsertAsync(Series, candles, None);

        Assert.Equal(candles, await db.Store.GetRangeAsync(Series, long.MinValue, long.MaxValue, None));
    }
}
