using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Market;
using Microsoft.Extensions.Time.Testing;
using static CandleDashboard.Core.Tests.TestTrades;

namespace CandleDashboard.Core.Tests.ScaleOut;

/// <summary>
/// A follower's feed takes the leader's candles as they are (<see cref="LiveCandleFeed.OnRelayed"/>), and a
/// follower that takes over continues the relayed buckets with its own trades.
/// </summary>
public sealed class RelayedFeedTests : IDisposable
{
    private static readonly LiveCandleFeedOptions Options = new() { Symbols = ["BTCUSDT", "ETHUSDT"], Intervals = [Interval.FifteenSeconds, Interval.OneMinute] };

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(Midnight + 1_000));
    private readonly LiveCandleFeed _leader;
    private readonly LiveCandleFeed _follower;
    private readonly List<CandleUpdate> _onLeader = [];
    private readonly List<CandleUpdate> _onFollower = [];

    public RelayedFeedTests()
    {
        _leader = new LiveCandleFeed(Options, _clock);
        _follower = new LiveCandleFeed(Options, _clock) { FollowsRelay = true };
        _leader.Start();
        _follower.Start();
        // The relay, without Redis: every update of the leader reaches the follower in order.
        _leader.SubscribeAll(update =>
        {
            _onLeader.Add(update);
            _follower.OnRelayed(_leader.ToRelayed(update));
        });
        _follower.SubscribeAll(_onFollower.Add);
    }

    public void Dispose()
    {
        _leader.Dispose();
        _follower.Dispose();
    }

    [Fact]
    public void A_follower_publishes_exactly_the_leaders_updates_and_holds_the_same_live_candles()
    {
        // Trades across a 15 s boundary and the clock closing the minute: closed and forming candles both travel.
        Trade(_leader, At(Midnight + 1_000, 100m, 1m));
        Trade(_leader, At(Midnight + 1_050, 101m, 2m));
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Trade(_leader, At(Midnight + 16_000, 99m, 0.5m));
        _clock.SetUtcNow(DateTimeOffset.FromUnixTimeMilliseconds(Midnight + 60_000));
        _clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.NotEmpty(_onLeader);
        Assert.Equal(_onLeader, _onFollower);
        foreach (var interval in Options.Intervals)
        {
            Assert.Equal(_leader.GetLiveCandles("BTCUSDT", interval), _follower.GetLiveCandles("BTCUSDT", interval));
        }

        Assert.Contains(_onFollower, u => u.Interval == Interval.OneMinute && u.Candle is { IsClosed: true, OpenTime: Midnight, High: 101m, Low: 99m, Volume: 3.5m, TradeCount: 3 });
    }

    [Fact]
    public void A_following_feed_does_not_close_candles_by_its_own_clock()
    {
        Trade(_leader, At(Midnight + 1_000, 100m, 1m));
        _onFollower.Clear();
        using var alone = new LiveCandleFeed(Options, _clock) { FollowsRelay = true };
        alone.Start();
        alone.OnRelayed(_leader.ToRelayed(new CandleUpdate("BTCUSDT", Interval.FifteenSeconds, Forming(Midnight, 100m))));

        _clock.Advance(TimeSpan.FromSeconds(30)); // past two 15 s boundaries: only the leader may close them

        Assert.True(alone.TryGetForming("BTCUSDT", Interval.FifteenSeconds, out var forming));
        Assert.Equal(Midnight, forming.OpenTime);
        Assert.DoesNotContain(alone.GetLiveCandles("BTCUSDT", Interval.FifteenSeconds), c => c.IsClosed);
    }

    [Fact]
    public void A_follower_that_joins_after_a_close_gets_the_last_closed_candle_with_the_next_forming_one()
    {
        Trade(_leader, At(Midnight + 1_000, 100m, 1m));
        Trade(_leader, At(Midnight + 16_000, 102m, 1m)); // closes the first 15 s bucket
        var closed = _leader.GetLiveCandles("BTCUSDT", Interval.FifteenSeconds)[0];
        using var late = new LiveCandleFeed(Options, _clock) { FollowsRelay = true };
        using var _ = _leader.SubscribeAll(update => late.OnRelayed(_leader.ToRelayed(update)));

        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Trade(_leader, At(Midnight + 16_500, 103m, 1m));
        _clock.Advance(TimeSpan.FromMilliseconds(100));

        var live = late.GetLiveCandles("BTCUSDT", Interval.FifteenSeconds);
        Assert.Equal(2, live.Count);
        Assert.Equal(closed, live[0]);
        Assert.Equal(_leader.GetLiveCandles("BTCUSDT", Interval.FifteenSeconds)[1], live[1]);
    }

    [Fact]
    public void A_follower_that_takes_over_continues_the_relayed_bucket_with_its_own_trades()
    {
        Trade(_leader, At(Midnight + 1_000, 100m, 1m));
        Trade(_leader, At(Midnight + 2_000, 104m, 1m));
        _clock.Advance(TimeSpan.FromMilliseconds(100));

        // The leader dies (its clock stops with it); the follower takes the trades over.
        _leader.Dispose();
        _follower.FollowsRelay = false;
        Trade(_follower, At(Midnight + 5_000, 98m, 2m));
        _clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.True(_follower.TryGetForming("BTCUSDT", Interval.OneMinute, out var minute));
        Assert.Equal(new Candle(Midnight, 100m, 104m, 98m, 98m, 4m, 100m + 104m + 196m, 3, false, CandleSource.Live), minute);

        // And its clock closes candles again.
        _clock.SetUtcNow(DateTimeOffset.FromUnixTimeMilliseconds(Midnight + 60_000));
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Contains(_onFollower, u => u.Interval == Interval.OneMinute && u.Candle.IsClosed && u.Candle.OpenTime == Midnight && u.Candle.Low == 98m);
    }

    [Fact]
    public void Relayed_candles_of_series_not_built_here_are_counted_and_ignored()
    {
        _follower.OnRelayed(new RelayedCandle(new CandleUpdate("SOLUSDT", Interval.OneMinute, Forming(Midnight, 1m)), null));
        _follower.OnRelayed(new RelayedCandle(new CandleUpdate("BTCUSDT", Interval.OneHour, Forming(Midnight, 1m)), null));

        Assert.Equal(2, _follower.IgnoredRelayed);
        Assert.Empty(_onFollower);
    }

    // Trades arrive at their own time: the builder refuses trades from the future.
    private void Trade(LiveCandleFeed feed, Trade trade)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(trade.Time);
        if (_clock.GetUtcNow() < at)
        {
            _clock.SetUtcNow(at);
        }

        feed.OnTrade(trade);
    }

    private static Candle Forming(long openTime, decimal price) => new(openTime, price, price, price, price, 1m, price, 1, false, CandleSource.Live);
}
