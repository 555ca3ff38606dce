using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Redis.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static CandleDashboard.Storage.Redis.Tests.Infrastructure.TestSeries;

namespace CandleDashboard.Storage.Redis.Tests;

public sealed class ThrottledLiveCandleWriterTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(T0));
    private readonly RecordingStore _store = new();
    private readonly SeriesKey _btc = new("binance", "BTCUSDT", Interval.OneMinute);
    private readonly SeriesKey _eth = new("binance", "ETHUSDT", Interval.OneMinute);

    private static Candle Tick(decimal close) => Official(0) with { Close = close, IsClosed = false, Source = CandleSource.Live };

    [Fact]
    public void Writes_the_first_update_at_once_and_then_the_latest_at_most_once_per_interval()
    {
        var writer = new ThrottledLiveCandleWriter(_store, _time, TimeSpan.FromSeconds(1));

        writer.Offer(_btc, Tick(1m));
        Assert.Equal([1m], _store.Closes(_btc));

        for (var i = 2; i <= 50; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
            writer.Offer(_btc, Tick(i));
        }

        Assert.Equal([1m], _store.Closes(_btc)); // 490 ms later: still one write
        _time.Advance(TimeSpan.FromMilliseconds(509));
        Assert.Equal([1m], _store.Closes(_btc));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([1m, 50m], _store.Closes(_btc)); // at 1 s: the newest, and only it

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, writer.Writes); // nothing new, nothing written
        writer.Offer(_btc, Tick(51m));
        Assert.Equal([1m, 50m, 51m], _store.Closes(_btc)); // quiet for > 1 s: written at once
    }

    [Fact]
    public void Throttles_each_series_on_its_own()
    {
        var writer = new ThrottledLiveCandleWriter(_store, _time, TimeSpan.FromSeconds(1));

        writer.Offer(_btc, Tick(1m));
        writer.Offer(_btc, Tick(2m));
        writer.Offer(_eth, Tick(10m));

        Assert.Equal([1m], _store.Closes(_btc));
        Assert.Equal([10m], _store.Closes(_eth));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([1m, 2m], _store.Closes(_btc));
        Assert.Equal([10m], _store.Closes(_eth));
    }

    [Fact]
    public async Task Flush_writes_what_is_pending_without_waiting_for_the_interval()
    {
        var writer = new ThrottledLiveCandleWriter(_store, _time, TimeSpan.FromSeconds(1));
        writer.Offer(_btc, Tick(1m));
        writer.Offer(_btc, Tick(2m));

        await writer.DisposeAsync();

        Assert.Equal([1m, 2m], _store.Closes(_btc));
        writer.Offer(_btc, Tick(3m)); // after dispose: ignored, no throw
        Assert.Equal([1m, 2m], _store.Closes(_btc));
    }

    [Fact]
    public void A_failed_write_is_counted_and_the_next_update_is_still_written()
    {
        var writer = new ThrottledLiveCandleWriter(_store, _time, TimeSpan.FromSeconds(1));
        _store.FailNext = true;

        writer.Offer(_btc, Tick(1m));
        Assert.Equal(1, writer.Failures);

        _time.Advance(TimeSpan.FromSeconds(1));
        writer.Offer(_btc, Tick(2m));
        Assert.Equal([2m], _store.Closes(_btc));
    }

    /// <summary>Synchronous fake store: the writer's effects are visible as soon as the fake clock moves.</summary>
    private sealed class RecordingStore : ILiveCandleStore
    {
        private readonly List<(SeriesKey Series, Candle Candle)> _writes = [];

        public bool FailNext { get; set; }

        public decimal[] Closes(SeriesKey series)
        {
            lock (_writes)
            {
                return _writes.Where(w => w.Series == series).Select(w => w.Candle.Close).ToArray();
            }
        }

        public Task SetAsync(SeriesKey series, Candle candle, CancellationToken cancellationToken)
        {
            if (FailNext)
            {
                FailNext = false;
                return Task.FromException(new IOException("redis down"));
            }

            lock (_writes)
            {
                _writes.Add((series, candle));
            }

            return Task.CompletedTask;
        }

        public Task<Candle?> GetAsync(SeriesKey series, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}

[Collection(RedisCollection.Name)]
public sealed class ThrottledLiveCandleWriterRedisTests(RedisFixture redis)
{
    [Fact]
    public async Task Latest_offered_candle_reaches_redis()
    {
        var series = NewSeries();
        var store = new RedisLiveCandleStore(redis.Connection);
        await using var writer = new ThrottledLiveCandleWriter(store, TimeProvider.System, TimeSpan.FromSeconds(1));
        var latest = Official(0) with { Close = 42.5m, IsClosed = false, Source = CandleSource.Live };

        writer.Offer(series, Official(0) with { IsClosed = false, Source = CandleSource.Live });
        writer.Offer(series, latest);
        await writer.FlushAsync(CancellationToken.None);

        Assert.Equal(latest, await store.GetAsync(series, CancellationToken.None));
        Assert.Equal(2, writer.Writes);
    }
}

public sealed class ThrottledLiveCandleWriterSlowStoreTests
{
    [Fact]
    public async Task Updates_offered_during_a_slow_write_are_written_after_it()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(T0));
        var store = new GatedStore();
        var writer = new ThrottledLiveCandleWriter(store, time, TimeSpan.FromSeconds(1));
        var series = new SeriesKey("binance", "BTCUSDT", Interval.OneMinute);
        var tick = Official(0) with { IsClosed = false, Source = CandleSource.Live };

        writer.Offer(series, tick with { Close = 1m });   // write starts, Redis is slow
        time.Advance(TimeSpan.FromSeconds(2));            // interval long over, write still in flight
        writer.Offer(series, tick with { Close = 2m });
        writer.Offer(series, tick with { Close = 3m });
        Assert.Equal(1, writer.Writes);                   // never two writes of one series at once

        store.Release();                                  // first write completes: the newest goes out at once
        await TestSeries.Eventually(() => store.Closes.Count == 2, "second write");
        store.Release();
        Assert.Equal([1m, 3m], store.Closes);
        Assert.Equal(2, writer.Writes);
    }

    /// <summary>A store whose writes complete only when the test says so.</summary>
    private sealed class GatedStore : ILiveCandleStore
    {
        private readonly SemaphoreSlim _gate = new(0);

        public List<decimal> Closes { get; } = [];

        public void Release() => _gate.Release();

        public async Task SetAsync(SeriesKey series, Candle candle, CancellationToken cancellationToken)
        {
            lock (Closes) { Closes.Add(candle.Close); }
            await _gate.WaitAsync(cancellationToken);
        }

        public Task<Candle?> GetAsync(SeriesKey series, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
