using CandleDashboard.Core.Building;
using CandleDashboard.Core.Market;
using Microsoft.Extensions.Time.Testing;
using static CandleDashboard.Core.Tests.TestTrades;

namespace CandleDashboard.Core.Tests;

public class LiveCandleBuilderTests
{
    // The clock stands an hour after the trades of most tests, so none of them looks like the future.
    private const long Now = Midnight + 3_600_000;
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(Now));
    private readonly List<(Interval Interval, Candle Candle)> _closed = [];

    private LiveCandleBuilder NewBuilder(params Interval[] intervals)
    {
        var builder = new LiveCandleBuilder("BTCUSDT", intervals.Length > 0 ? intervals : Interval.Defaults, _clock);
        builder.CandleClosed += (i, c) => _closed.Add((i, c));
        return builder;
    }

    [Fact]
    public void Builds_hand_computed_candles_for_two_intervals_at_once()
    {
        var builder = NewBuilder(Interval.FifteenSeconds, Interval.OneMinute);
        builder.Apply(At(Midnight + 1_000, 100m, 1m));
        builder.Apply(At(Midnight + 5_000, 105m, 2m));
        builder.Apply(At(Midnight + 9_000, 98m, 0.5m));
        builder.Apply(At(Midnight + 14_999, 101m, 1.5m));
        builder.Apply(At(Midnight + 15_000, 102m, 1m)); // first trade of the second 15s bucket

        Assert.True(builder.TryGetForming(Interval.FifteenSeconds, out var s15));
        Assert.Equal(new Candle(Midnight + 15_000, 102m, 102m, 102m, 102m, 1m, 102m, 1, false, CandleSource.Live), s15);

        Assert.True(builder.TryGetForming(Interval.OneMinute, out var m1));
        Assert.Equal(Midnight, m1.OpenTime);
        Assert.Equal((100m, 105m, 98m, 102m), (m1.Open, m1.High, m1.Low, m1.Close));
        Assert.Equal(6m, m1.Volume);
        Assert.Equal(100m + 210m + 49m + 151.5m + 102m, m1.QuoteVolume);
        Assert.Equal(5, m1.TradeCount);

        var closed = Assert.Single(_closed);
        Assert.Equal(Interval.FifteenSeconds, closed.Interval);
        Assert.Equal(new Candle(Midnight, 100m, 105m, 98m, 101m, 5m, 100m + 210m + 49m + 151.5m, 4, true, CandleSource.Live), closed.Candle);
    }

    [Fact]
    public void A_quiet_market_still_closes_candles_when_the_clock_passes_their_end()
    {
        var builder = NewBuilder(Interval.FifteenSeconds);
        builder.Apply(At(Midnight + 2_000, 50m, 1m));

        builder.AdvanceTo(Midnight + 14_999);
        Assert.Empty(_closed);

        builder.AdvanceTo(Midnight + 15_000);
        var closed = Assert.Single(_closed).Candle;
        Assert.True(closed.IsClosed);
        Assert.Equal(Midnight, closed.OpenTime);

        Assert.True(builder.TryGetForming(Interval.FifteenSeconds, out var forming));
        Assert.Equal(new Candle(Midnight + 15_000, 50m, 50m, 50m, 50m, 0m, 0m, 0, false, CandleSource.Live), forming);
    }

    [Fact]
    public void Empty_buckets_become_flat_candles_at_the_previous_close()
    {
        var builder = NewBuilder(Interval.FifteenSeconds);
        builder.Apply(At(Midnight + 1_000, 10m, 1m));
        builder.Apply(At(Midnight + 3_000, 12m, 1m));
        builder.Apply(At(Midnight + 46_000, 11m, 2m)); // skips the 15s and 30s buckets

        Assert.Equal(
            [Midnight, Midnight + 15_000, Midnight + 30_000],
            _closed.Select(c => c.Candle.OpenTime));
        Assert.Equal(new Candle(Midnight + 15_000, 12m, 12m, 12m, 12m, 0m, 0m, 0, true, CandleSource.Live), _closed[1].Candle);
        Assert.Equal(new Candle(Midnight + 30_000, 12m, 12m, 12m, 12m, 0m, 0m, 0, true, CandleSource.Live), _closed[2].Candle);

        // The first trade of a bucket started flat opens it at its own price.
        Assert.True(builder.TryGetForming(Interval.FifteenSeconds, out var forming));
        Assert.Equal((11m, 11m, 11m, 11m, 1L), (forming.Open, forming.High, forming.Low, forming.Close, forming.TradeCount));
    }

    [Fact]
    public void A_long_outage_fills_at_most_the_configured_number_of_empty_buckets()
    {
        var builder = new LiveCandleBuilder("BTCUSDT", [Interval.FifteenSeconds], _clock, new LiveCandleBuilderOptions { MaxEmptyBucketsFilled = 3 });
        builder.CandleClosed += (i, c) => _closed.Add((i, c));
        builder.Apply(At(Midnight, 10m, 1m));
        builder.AdvanceTo(Midnight + (100 * 15_000));

        Assert.Equal(4, _closed.Count); // the traded candle plus the three newest empty ones
        Assert.Equal(Midnight + (97 * 15_000), _closed[1].Candle.OpenTime);
        Assert.Equal(Midnight + (99 * 15_000), _closed[3].Candle.OpenTime);
    }

    [Fact]
    public void A_late_trade_updates_only_the_intervals_whose_bucket_is_still_forming()
    {
        var builder = NewBuilder(Interval.FifteenSeconds, Interval.OneMinute);
        builder.Apply(At(Midnight + 1_000, 10m, 1m));
        builder.Apply(At(Midnight + 20_000, 11m, 1m));

        var outcome = builder.Apply(At(Midnight + 5_000, 30m, 1m)); // older than the forming 15s bucket

        Assert.Equal(TradeOutcome.Late, outcome);
        Assert.Equal(1, builder.LateTrades);
        Assert.True(builder.TryGetForming(Interval.FifteenSeconds, out var s15));
        Assert.Equal((11m, 11m, 1L), (s15.High, s15.Close, s15.TradeCount));
        Assert.True(builder.TryGetForming(Interval.OneMinute, out var m1));
        Assert.Equal((30m, 3L), (m1.High, m1.TradeCount));
        Assert.Equal(10m, Assert.Single(_closed).Candle.High); // the closed 15s candle was not reopened
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(10, 0)]
    [InlineData(10, -1)]
    public void Trades_with_non_positive_price_or_quantity_are_rejected_and_counted(int price, int quantity)
    {
        var builder = NewBuilder();
        Assert.Equal(TradeOutcome.Rejected, builder.Apply(At(Midnight, price, quantity)));
        Assert.Equal(1, builder.RejectedTrades);
        Assert.False(builder.TryGetForming(Interval.OneMinute, out _));
    }

    [Fact]
    public void A_trade_far_in_the_future_is_rejected_but_one_within_the_skew_is_accepted()
    {
        var builder = NewBuilder(Interval.OneMinute);
        Assert.Equal(TradeOutcome.Rejected, builder.Apply(At(Now + 10_001, 10m, 1m)));
        Assert.Equal(TradeOutcome.Accepted, builder.Apply(At(Now + 10_000, 10m, 1m)));

        // As the clock moves on, the same trade time stops looking like the future.
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TradeOutcome.Accepted, builder.Apply(At(Now + 60_000, 11m, 1m)));
        Assert.Equal(1, builder.RejectedTrades);
        Assert.Equal(2, builder.AcceptedTrades);
    }

    [Fact]
    public void Every_interval_closes_exactly_at_its_own_boundary()
    {
        var builder = NewBuilder();
        builder.Apply(At(Midnight, 10m, 1m));
        foreach (var interval in Interval.Defaults)
        {
            _closed.Clear();
            builder.AdvanceTo(Midnight + interval.Milliseconds - 1);
            Assert.DoesNotContain(_closed, c => c.Interval == interval);
            builder.AdvanceTo(Midnight + interval.Milliseconds);
            Assert.Contains(_closed, c => c.Interval == interval && c.Candle.OpenTime == Midnight && c.Candle.TradeCount == 1);
        }
    }
}
