using CandleDashboard.Core.Market;
using CandleDashboard.Storage.Redis.Tests.Infrastructure;
using static CandleDashboard.Storage.Redis.Tests.Infrastructure.TestSeries;

namespace CandleDashboard.Storage.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class RedisLiveCandleStoreTests(RedisFixture redis)
{
    private readonly CancellationToken _ct = CancellationToken.None;

    private static Candle Forming(decimal close) =>
        Official(0) with { Close = close, IsClosed = false, Source = CandleSource.Live };

    [Fact]
    public async Task Round_trips_the_latest_forming_candle_under_a_24h_ttl()
    {
        var series = NewSeries();
        var store = new RedisLiveCandleStore(redis.Connection);
        Assert.Null(await store.GetAsync(series, _ct));

        await store.SetAsync(series, Forming(1.10m), _ct);
        await store.SetAsync(series, Forming(1.20m), _ct);

        Assert.Equal(Forming(1.20m), await store.GetAsync(series, _ct));
        var ttl = await redis.Db.KeyTimeToLiveAsync(RedisKeys.LiveCandle(series));
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(24));
        Assert.Equal($"live_candle:binance:{series.Symbol}:1m", RedisKeys.LiveCandle(series));
    }

    [Fact]
    public async Task Never_touches_the_official_candles_of_the_same_series()
    {
        var series = NewSeries();
        var official = new RedisCandleStore(redis.Connection);
        await official.UpsertAsync(series, [Official(0)], _ct);

        await new RedisLiveCandleStore(redis.Connection).SetAsync(series, Forming(2m), _ct);

        Assert.Equal([Official(0)], await official.GetRecentAsync(series, 10, _ct));
        Assert.Equal(1, (await official.GetMetadataAsync(series, _ct))!.Count);

        var other = NewSeries();
        await new RedisLiveCandleStore(redis.Connection).SetAsync(other, Forming(2m), _ct);
        Assert.False(await redis.Db.KeyExistsAsync(RedisKeys.Candles(other)));
        Assert.False(await redis.Db.KeyExistsAsync(RedisKeys.CandlesMeta(other)));
    }

    [Fact]
    public async Task Expires_after_its_ttl()
    {
        var series = NewSeries();
        var store = new RedisLiveCandleStore(redis.Connection, TimeSpan.FromMilliseconds(150));
        await store.SetAsync(series, Forming(3m), _ct);

        Candle? seen = Forming(3m);
        await Eventually(() => (seen = store.GetAsync(series, _ct).GetAwaiter().GetResult()) is null, "live candle to expire", 3_000);
        Assert.Null(seen);
    }
}
