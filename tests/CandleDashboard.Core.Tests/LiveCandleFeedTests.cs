using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Market;
using CandleDashboard.Tests.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static CandleDashboard.Core.Tests.TestTrades;

namespace CandleDashboard.Core.Tests;

public sealed class LiveCandleFeedTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(Midnight + 1_000));
    private readonly LiveCandleFeed _feed;
    private readonly List<CandleUpdate> _received = [];
    private readonly ListLogger<LiveCandleFeed> _log = new();

    public LiveCandleFeedTests()
    {
        _feed = new LiveCandleFeed(
            new LiveCandleFeedOptions { Symbols = ["BTCUSDT", "ETHUSDT"], Intervals = [Interval.FifteenSeconds, Interval.OneMinute] },
            _clock,
            _log);
        _feed.Start();
    }

    public void Dispose() => _feed.Dispose();

    [Fact]
    public void Updates_are_coalesced_to_one_per_window_with_the_latest_value_winning()
    {
        using var _ = _feed.Subscribe("BTCUSDT", Interval.OneMinute, _received.Add);

        _feed.OnTrade(At(Midnight + 1_000, 100m, 1m)); // leading edge: published at once
        Assert.Equal(100m, Assert.Single(_received).Candle.Close);

        for (var i = 1; i <= 50; i++)
        {
            _feed.OnTrade(At(Midnight + 1_000, 100m + i, 1m));
        }

        Assert.Single(_received); // nothing more inside the window

        _clock.Advance(TimeSpan.FromMilliseconds(100)); // timer ticks, window has passed
        Assert.Equal(2, _received.Count);
        Assert.Equal(150m, _received[1].Candle.Close);
        Assert.Equal(51, _received[1].Candle.TradeCount);

        _clock.Advance(TimeSpan.FromMilliseconds(500)); // no new trades: nothing to send
        Assert.Equal(2, _received.Count);
    }

    [Fact]
    public void A_trade_inside_the_window_is_published_exactly_when_the_window_ends()
    {
        using var feed = new LiveCandleFeed(
            new LiveCandleFeedOptions { Symbols = ["BTCUSDT"], Intervals = [Interval.OneMinute], FlushTick = TimeSpan.FromHours(1) },
            _clock);
        feed.Start();
        using var _ = feed.Subscribe("BTCUSDT", Interval.OneMinute, _received.Add);
        feed.OnTrade(At(Midnight + 1_000, 100m, 1m));
        _clock.Advance(TimeSpan.FromMilliseconds(30));
        feed.OnTrade(At(Midnight + 1_030, 101m, 1m));

        _clock.Advance(TimeSpan.FromMilliseconds(69));
        Assert.Single(_received);

        _clock.Advance(TimeSpan.FromMilliseconds(1)); // 100 ms after the first publish
        Assert.Equal(2, _received.Count);
        Assert.Equal(101m, _received[1].Candle.Close);
    }

    [Fact]
    public void A_closed_candle_is_always_delivered_before_the_next_forming_one()
    {
        using var _ = _feed.Subscribe("BTCUSDT", Interval.FifteenSeconds, _received.Add);
        _feed.OnTrade(At(Midnight + 1_000, 10m, 1m));
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        _feed.OnTrade(At(Midnight + 1_050, 12m, 1m)); // inside the window: pending

        _clock.Advance(TimeSpan.FromSeconds(14)); // the clock passes 00:00:15 with no trade

        var closed = Assert.Single(_received, u => u.Candle.IsClosed);
        Assert.Equal((Midnight, 12m, 2L), (closed.Candle.OpenTime, closed.Candle.Close, closed.Candle.TradeCount));
        var last = _received[^1];
        Assert.False(last.Candle.IsClosed);
        Assert.Equal(Midnight + 15_000, last.Candle.OpenTime);
        Assert.True(_received.IndexOf(closed) < _received.Count - 1);
    }

    [Fact]
    public void Subscribers_only_see_their_own_series_and_disposal_stops_delivery()
    {
        var eth = new List<CandleUpdate>();
        var btcSub = _feed.Subscribe("BTCUSDT", Interval.OneMinute, _received.Add);
        using var ethSub = _feed.Subscribe("ETHUSDT", Interval.OneMinute, eth.Add);
        Assert.Equal(2, _feed.SubscriptionCount);

        _feed.OnTrade(At(Midnight + 1_000, 10m, 1m, "BTCUSDT"));
        _feed.OnTrade(At(Midnight + 1_000, 2m, 1m, "ETHUSDT"));
        Assert.All(_received, u => Assert.Equal("BTCUSDT", u.Symbol));
        Assert.All(eth, u => Assert.Equal("ETHUSDT", u.Symbol));

        btcSub.Dispose();
        btcSub.Dispose(); // idempotent
        Assert.Equal(1, _feed.SubscriptionCount);
        var before = _received.Count;
        _clock.Advance(TimeSpan.FromSeconds(1));
        _feed.OnTrade(At(Midnight + 2_000, 11m, 1m, "BTCUSDT"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(before, _received.Count);
    }

    [Fact]
    public void A_throwing_subscriber_does_not_stop_the_others()
    {
        using var bad = _feed.Subscribe("BTCUSDT", Interval.OneMinute, _ => throw new InvalidOperationException("circuit gone"));
        using var good = _feed.Subscribe("BTCUSDT", Interval.OneMinute, _received.Add);

        _feed.OnTrade(At(Midnight + 1_000, 10m, 1m));

        Assert.Single(_received);
        Assert.Equal(1, _feed.HandlerFailures);
        var (level, message) = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Error, level);
        Assert.Contains("BTCUSDT 1m", message); // which series' subscriber failed
    }

    [Fact]
    public void Subscribing_to_all_sees_every_series_without_counting_as_a_series_subscription()
    {
        var updated = new List<CandleUpdate>();
        using var all = _feed.SubscribeAll(updated.Add);

        _feed.OnTrade(At(Midnight + 1_000, 10m, 1m));
        Assert.Equal(2, updated.Count); // 15s and 1m forming candles
        Assert.Equal(0, _feed.SubscriptionCount);

        _clock.Advance(TimeSpan.FromSeconds(14));
        var c = Assert.Single(updated, u => u.Candle.IsClosed);
        Assert.Equal((Interval.FifteenSeconds, Midnight, true), (c.Interval, c.Candle.OpenTime, c.Candle.IsClosed));

        all.Dispose();
        var seen = updated.Count;
        _feed.OnTrade(At(Midnight + 16_000, 11m, 1m));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(seen, updated.Count);
    }

    [Fact]
    public void A_forming_candle_saved_before_a_restart_continues_with_the_next_trades()
    {
        using var _ = _feed.Subscribe("BTCUSDT", Interval.OneMinute, _received.Add);
        var saved = new Candle(Midnight, 100m, 120m, 90m, 110m, 3m, 330m, 7, false, CandleSource.Live);

        Assert.True(_feed.Resume("BTCUSDT", Interval.OneMinute, saved));
        Assert.False(_feed.Resume("BTCUSDT", Interval.OneMinute, saved)); // only once, before any trade

        _feed.OnTrade(At(Midnight + 2_000, 95m, 1m));
        var forming = _received[^1].Candle;
        Assert.Equal((Midnight, 100m, 120m, 90m, 95m, 4m, 425m, 8L), (forming.OpenTime, forming.Open, forming.High, forming.Low, forming.Close, forming.Volume, forming.QuoteVolume, forming.TradeCount));
    }

    [Theory]
    [InlineData(-60_000, false)] // the previous minute: history now, its official kline comes from the exchange
    [InlineData(0, true)]
    public void Only_the_current_bucket_resumes(long offset, bool expected)
    {
        var saved = new Candle(Midnight + offset, 100m, 120m, 90m, 110m, 3m, 330m, 7, false, CandleSource.Live);
        Assert.Equal(expected, _feed.Resume("BTCUSDT", Interval.OneMinute, saved));
        Assert.False(_feed.Resume("DOGEUSDT", Interval.OneMinute, saved with { OpenTime = Midnight }));
    }

    [Fact]
    public void A_series_that_already_has_trades_does_not_resume_so_no_trade_counts_twice()
    {
        _feed.OnTrade(At(Midnight + 1_000, 10m, 1m));
        var saved = new Candle(Midnight, 100m, 120m, 90m, 110m, 3m, 330m, 7, false, CandleSource.Live);
        Assert.False(_feed.Resume("BTCUSDT", Interval.OneMinute, saved));
        Assert.True(_feed.TryGetForming("BTCUSDT", Interval.OneMinute, out var forming));
        Assert.Equal(1, forming.TradeCount);
    }

    [Fact]
    public void Live_candles_are_the_just_closed_and_the_forming_one()
    {
        Assert.Empty(_feed.GetLiveCandles("BTCUSDT", Interval.FifteenSeconds));
        _feed.OnTrade(At(Midnight + 1_000, 10m, 1m));
        Assert.Equal([Midnight], _feed.GetLiveCandles("BTCUSDT", Interval.FifteenSeconds).Select(c => c.OpenTime));

        _clock.Advance(TimeSpan.FromSeconds(14)); // 00:00:15 passes
        var live = _feed.GetLiveCandles("BTCUSDT", Interval.FifteenSeconds);
        Assert.Equal([(Midnight, true), (Midnight + 15_000, false)], live.Select(c => (c.OpenTime, c.IsClosed)));
        Assert.Empty(_feed.GetLiveCandles("DOGEUSDT", Interval.FifteenSeconds));
    }

    [Fact]
    public void Trades_of_other_symbols_are_ignored_and_counted()
    {
        _feed.OnTrade(At(Midnight + 1_000, 10m, 1m, "DOGEUSDT"));
        Assert.Equal(1, _feed.IgnoredTrades);
        Assert.False(_feed.TryGetForming("DOGEUSDT", Interval.OneMinute, out _));
        Assert.Null(_feed.GetActivity("DOGEUSDT"));
    }

    [Fact]
    public void Activity_reports_the_builders_counters()
    {
        _feed.OnTrade(At(Midnight + 1_000, 10m, 1m));
        _feed.OnTrade(At(Midnight + 1_000, -1m, 1m));

        Assert.Equal(new SymbolActivity(1, 0, 1, Midnight + 1_000, 10m), _feed.GetActivity("BTCUSDT"));
    }

    [Fact]
    public void Subscribing_to_a_series_the_feed_does_not_build_is_refused()
    {
        Assert.Throws<ArgumentException>(() => _feed.Subscribe("DOGEUSDT", Interval.OneMinute, _ => { }));
        Assert.Throws<ArgumentException>(() => _feed.Subscribe("BTCUSDT", Interval.OneDay, _ => { }));
        Assert.Equal(0, _feed.SubscriptionCount);
    }
}
