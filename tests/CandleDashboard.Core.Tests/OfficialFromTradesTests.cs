using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.Buffers;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;
using Microsoft.Extensions.Time.Testing;
using static CandleDashboard.Core.Tests.TestTrades;

namespace CandleDashboard.Core.Tests;

/// <summary>
/// A candle built from the exchange's trade history (<see cref="CandleSource.OfficialFromTrades"/>) is
/// official wherever the core treats official candles specially, and keeps its mark.
/// </summary>
public class OfficialFromTradesTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(Midnight + 86_400_000));

    private static Candle C(long openTime, decimal close, CandleSource source, bool closed = true, long trades = 1) =>
        new(openTime, close, close, close, close, 1m, close, trades, closed, source);

    [Theory]
    [InlineData(CandleSource.Live, false)]
    [InlineData(CandleSource.Official, true)]
    [InlineData(CandleSource.OfficialFromTrades, true)]
    public void Is_official_names_both_exchange_sources(CandleSource source, bool official)
    {
        Assert.Equal(official, source.IsOfficial());
        Assert.Equal(official, C(Midnight, 1m, source).IsOfficial());
    }

    [Fact]
    public void The_merge_keeps_a_closed_trade_built_candle_against_a_live_one()
    {
        IReadOnlyList<Candle> history = [C(Midnight, 1m, CandleSource.OfficialFromTrades)];

        Assert.Equal(history, CandleMerge.WithLive(history, C(Midnight, 5m, CandleSource.Live, closed: false)));
    }

    [Fact]
    public void A_buffer_replaces_a_live_candle_with_a_trade_built_one_records_the_delta_and_never_goes_back()
    {
        var log = new LiveDeltaLog(new Series("BTCUSDT", Interval.FifteenSeconds), 100);
        var buffer = new CandleBuffer("BTCUSDT", Interval.FifteenSeconds, 10, log);
        buffer.Apply([C(Midnight, 100m, CandleSource.Live, trades: 5)], _clock.GetUtcNow());

        buffer.Apply([C(Midnight, 100.5m, CandleSource.OfficialFromTrades, trades: 6)], _clock.GetUtcNow());
        Assert.Equal(new LiveDelta(Midnight, 0.5m, 0.5m, 0.5m, 0.5m, 0m, 1), log.Find(Midnight));

        // A live candle closing after it is compared with it, and does not replace it.
        buffer.Apply([C(Midnight, 99m, CandleSource.Live)], _clock.GetUtcNow());
        Assert.Equal(new LiveDelta(Midnight, 1.5m, 1.5m, 1.5m, 1.5m, 0m, 5), log.Find(Midnight));
        Assert.Equal((100.5m, CandleSource.OfficialFromTrades), (buffer.Snapshot()[0].Close, buffer.Snapshot()[0].Source));
    }

    [Fact]
    public void A_resampled_bucket_with_a_trade_built_constituent_says_so_and_a_live_one_still_wins()
    {
        Candle[] mixed = [C(Midnight, 1m, CandleSource.Official), C(Midnight + 15_000, 2m, CandleSource.OfficialFromTrades)];
        Candle[] withLive = [C(Midnight, 1m, CandleSource.OfficialFromTrades), C(Midnight + 15_000, 2m, CandleSource.Live)];
        var now = Midnight + 86_400_000;

        Assert.Equal(CandleSource.OfficialFromTrades, Assert.Single(CandleResampler.Resample(mixed, Interval.ThirtySeconds, now)).Source);
        Assert.Equal(CandleSource.Live, Assert.Single(CandleResampler.Resample(withLive, Interval.ThirtySeconds, now)).Source);
    }
}
