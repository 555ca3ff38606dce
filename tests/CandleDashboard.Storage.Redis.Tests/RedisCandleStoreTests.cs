using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Redis.Tests.Infrastructure;
using StackExchange.Redis;
using static CandleDashboard.Storage.Redis.Tests.Infrastructure.TestSeries;

namespace CandleDashboard.Storage.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class RedisCandleStoreTests(RedisFixture redis)
{
    private readonly RedisCandleStore _store = new(redis.Connection);
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task Resent_candle_with_changed_values_replaces_the_old_one()
    {
        var series = NewSeries();
        await _store.UpsertAsync(series, Range(0, 3), _ct);

        // The exchange re-sends minute 1 with other values (what ZADD NX would have kept twice).
        var changed = Official(1, bump: 7.25m) with { TradeCount = 99_999 };
        await _store.UpsertAsync(series, [changed], _ct);

        var set = RedisKeys.Candles(series);
        Assert.Equal(3, await redis.Db.SortedSetLengthAsync(set));
        var atMinute1 = await redis.Db.SortedSetRangeByScoreAsync(set, changed.OpenTime, changed.OpenTime);
        Assert.Single(atMinute1);
        Assert.Equal(changed, (await _store.GetRangeAsync(series, changed.OpenTime, changed.OpenTime, _ct)).Single());
        Assert.Equal([Official(0), changed, Official(2)], await _store.GetRecentAsync(series, 10, _ct));
        Assert.Equal(new SeriesMetadata(T0, T0 + 2 * 60_000, 3), await _store.GetMetadataAsync(series, _ct));
    }

    [Fact]
    public async Task Duplicate_open_times_within_one_batch_keep_the_last()
    {
        var series = NewSeries();
        var last = Official(0, bump: 1m);
        await _store.UpsertAsync(series, [Official(0), Official(1), last], _ct);

        Assert.Equal([last, Official(1)], await _store.GetRecentAsync(series, 10, _ct));
        Assert.Equal(2, (await _store.GetMetadataAsync(series, _ct))!.Count);
    }

    [Fact]
    public async Task Batch_in_any_order_reads_back_oldest_first_with_exact_decimals()
    {
        var series = NewSeries();
        var candles = Range(0, 50);
        var shuffled = candles.OrderBy(c => (c.OpenTime * 7919) % 50).ToArray();
        await _store.UpsertAsync(series, shuffled, _ct);

        var recent = await _store.GetRecentAsync(series, 10, _ct);
        Assert.Equal(candles.Skip(40), recent);
        // Equal decimals can differ in scale; the stored text must keep it (37100.50, not 37100.5).
        Assert.Equal("37140.50", recent[0].High.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(candles[^1].Close, recent[^1].Close);

        var range = await _store.GetRangeAsync(series, T0 + 5 * 60_000, T0 + 9 * 60_000, _ct);
        Assert.Equal(candles.Skip(5).Take(5), range); // both bounds inclusive

        Assert.Equal(candles, await _store.GetRecentAsync(series, 1_000, _ct));
        Assert.Empty(await _store.GetRecentAsync(series, 0, _ct));
        Assert.Empty(await _store.GetRangeAsync(series, T0 + 60_000, T0, _ct));
    }

    [Fact]
    public async Task Metadata_tracks_earliest_latest_and_count_and_is_null_for_an_unknown_series()
    {
        var series = NewSeries();
        Assert.Null(await _store.GetMetadataAsync(series, _ct));

        await _store.UpsertAsync(series, Range(10, 5), _ct);
        await _store.UpsertAsync(series, Range(3, 2), _ct);     // older
        await _store.UpsertAsync(series, Range(12, 10), _ct);   // overlapping and newer

        var meta = await _store.GetMetadataAsync(series, _ct);
        Assert.Equal(new SeriesMetadata(T0 + 3 * 60_000, T0 + 21 * 60_000, 2 + 12), meta);
        Assert.Equal(meta!.Count, await redis.Db.SortedSetLengthAsync(RedisKeys.Candles(series)));
    }

    [Fact]
    public async Task Keeps_only_the_newest_M_candles_per_series()
    {
        var series = NewSeries();
        var store = new RedisCandleStore(redis.Connection, maxCandlesPerSeries: 100);
        await store.UpsertAsync(series, Range(0, 120), _ct);
        await store.UpsertAsync(series, Range(120, 130), _ct);

        var recent = await store.GetRecentAsync(series, 1_000, _ct);
        Assert.Equal(Range(150, 100), recent);
        Assert.Equal(new SeriesMetadata(T0 + 150 * 60_000L, T0 + 249 * 60_000L, 100), await store.GetMetadataAsync(series, _ct));
        Assert.Equal(100, await redis.Db.SortedSetLengthAsync(RedisKeys.Candles(series)));
    }

    [Fact]
    public async Task A_batch_larger_than_one_script_call_is_stored_whole()
    {
        var series = NewSeries();
        var candles = Range(0, RedisCandleStore.CandlesPerScript * 2 + 500);
        await _store.UpsertAsync(series, candles, _ct);

        Assert.Equal(new SeriesMetadata(candles[0].OpenTime, candles[^1].OpenTime, candles.Count), await _store.GetMetadataAsync(series, _ct));
        Assert.Equal(candles.TakeLast(3), await _store.GetRecentAsync(series, 3, _ct));
    }

    [Fact]
    public async Task Series_are_independent_by_exchange_symbol_and_interval()
    {
        var a = NewSeries();
        var b = new SeriesKey("kraken", a.Symbol, a.Interval);
        var c = new SeriesKey(a.Exchange, a.Symbol, Interval.FiveMinutes);
        await _store.UpsertAsync(a, Range(0, 3), _ct);

        Assert.Null(await _store.GetMetadataAsync(b, _ct));
        Assert.Empty(await _store.GetRecentAsync(c, 10, _ct));
        Assert.Equal($"candles:binance:{a.Symbol}:1m", RedisKeys.Candles(a));
        Assert.Equal($"candles_meta:binance:{a.Symbol}:1m", RedisKeys.CandlesMeta(a));
        Assert.Equal(RedisType.Hash, await redis.Db.KeyTypeAsync(RedisKeys.CandlesMeta(a)));
    }
}
