using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.Buffers;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Core.Storage.InMemory;
using Microsoft.Extensions.Time.Testing;
using static CandleDashboard.Core.Tests.TestTrades;

namespace CandleDashboard.Core.Tests;

/// <summary>The buffers record live vs official where an official candle meets a live-built one.</summary>
public class CandleBufferLiveDeltaTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(Midnight + 86_400_000 + 5_000));

    private static Candle C(long openTime, decimal close, CandleSource source, long trades = 1) =>
        new(openTime, close, close, close, close, 1m, close, trades, true, source);

    private (CandleBuffer Buffer, LiveDeltaLog Log) NewBuffer()
    {
        var log = new LiveDeltaLog(new Series("BTCUSDT", Interval.OneMinute), 100);
        return (new CandleBuffer("BTCUSDT", Interval.OneMinute, 10, log), log);
    }

    [Fact]
    public void An_official_candle_replacing_a_live_one_records_the_difference()
    {
        var (buffer, log) = NewBuffer();
        buffer.Apply([C(Midnight, 100m, CandleSource.Live, trades: 5)], _clock.GetUtcNow());

        buffer.Apply([C(Midnight, 100.5m, CandleSource.Official, trades: 6)], _clock.GetUtcNow());

        Assert.Equal(new LiveDelta(Midnight, 0.5m, 0.5m, 0.5m, 0.5m, 0m, 1), log.Find(Midnight));
        Assert.Equal(CandleSource.Official, Assert.Single(buffer.Snapshot()).Source);
    }

    [Fact]
    public void A_live_candle_closing_after_its_official_kline_is_compared_too()
    {
        var (buffer, log) = NewBuffer();
        buffer.Apply([C(Midnight, 100m, CandleSource.Official)], _clock.GetUtcNow());

        buffer.Apply([C(Midnight, 99m, CandleSource.Live)], _clock.GetUtcNow());

        Assert.Equal(1m, log.Find(Midnight)?.Close);
        Assert.Equal((100m, CandleSource.Official), (buffer.Snapshot()[0].Close, buffer.Snapshot()[0].Source));
    }

    [Fact]
    public void History_from_the_stores_and_official_repeats_are_no_live_delta()
    {
        var (buffer, log) = NewBuffer();
        buffer.Load([C(Midnight, 100m, CandleSource.Official), C(Midnight + 60_000, 101m, CandleSource.Official)], "memory", _clock.GetUtcNow());
        buffer.Apply([C(Midnight, 100m, CandleSource.Official), C(Midnight + 60_000, 102m, CandleSource.Official)], _clock.GetUtcNow());
        buffer.Apply([C(Midnight + 120_000, 103m, CandleSource.Live) with { IsClosed = false }], _clock.GetUtcNow());

        Assert.Empty(log.Deltas());
        Assert.Equal(0L, log.Accuracy.ComparedSinceStart);
    }

    [Fact]
    public void A_live_candle_that_closed_while_history_loaded_is_compared_with_the_loaded_official_one()
    {
        var (buffer, log) = NewBuffer();
        buffer.Apply([C(Midnight, 100m, CandleSource.Live)], _clock.GetUtcNow());

        buffer.Load([C(Midnight, 100m, CandleSource.Official)], "memory", _clock.GetUtcNow());

        Assert.True(log.Find(Midnight)?.Matched);
    }

    [Fact]
    public async Task Data_updated_records_every_replaced_live_candle_of_the_series_in_the_set()
    {
        var store = new InMemoryCandleStore();
        var history = new TieredCandleHistory([store], new ExchangeCandleHistory(new FakeExchange(_clock), _clock), _clock, new TieredHistoryOptions());
        var deltas = new LiveDeltaLogSet(["BTCUSDT", "ETHUSDT"], [Interval.OneMinute]);
        var set = new CandleBufferSet(["BTCUSDT", "ETHUSDT"], [Interval.OneMinute], 10, history, _clock, liveDeltas: deltas);
        set.OnCandleClosed(new CandleUpdate("BTCUSDT", Interval.OneMinute, C(Midnight, 5m, CandleSource.Live)));
        set.OnCandleClosed(new CandleUpdate("BTCUSDT", Interval.OneMinute, C(Midnight + 60_000, 6m, CandleSource.Live)));

        await store.UpsertAsync(
            new SeriesKey("binance", "BTCUSDT", Interval.OneMinute),
            [C(Midnight, 5m, CandleSource.Official), C(Midnight + 60_000, 6.01m, CandleSource.Official)],
            default);
        await set.OnDataUpdatedAsync(new DataUpdated("binance", "BTCUSDT", "1m", Midnight, Midnight + 60_000, 2), CancellationToken.None);

        var accuracy = deltas.AccuracyOf("BTCUSDT", Interval.OneMinute)!;
        Assert.Equal((2, 1, 0.01m, (long?)(Midnight + 60_000)), (accuracy.Compared, accuracy.Matched, accuracy.LargestCloseDifference, accuracy.LargestCloseDifferenceAt));
        Assert.True(deltas.DeltaAt("BTCUSDT", Interval.OneMinute, Midnight)?.Matched);
        Assert.Equal(0, deltas.AccuracyOf("ETHUSDT", Interval.OneMinute)!.Compared);
    }
}
