using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Core.Storage.InMemory;
using CandleDashboard.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using static CandleDashboard.Core.Tests.TestTrades;

namespace CandleDashboard.Core.Tests.Indicators;

/// <summary>
/// Shared calculators over the core's real parts: the coalescing live feed fed trades, tiered history
/// over an in-memory store and the fake exchange, the in-process data_updated bus.
/// </summary>
public sealed class SharedIndicatorSetTests : IDisposable
{
    private const int Drawn = 100;
    private static readonly Series BtcMinute = new("BTCUSDT", Interval.OneMinute);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    // Ten seconds into a minute of the day after Midnight: plenty of exchange history behind.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(Midnight + 86_400_000 + 10_000));
    private readonly InMemoryCandleStore _store = new();
    private readonly InMemoryDataUpdatedBus _bus = new();
    private readonly FakeExchange _exchange;
    private readonly LiveCandleFeed _feed;
    private readonly SharedIndicatorSet _set;

    public SharedIndicatorSetTests()
    {
        _exchange = new FakeExchange(_clock);
        _feed = new LiveCandleFeed(new LiveCandleFeedOptions { Symbols = ["BTCUSDT", "ETHUSDT"], Intervals = [Interval.OneMinute] }, _clock);
        _feed.Start();
        var history = new TieredCandleHistory([_store], new ExchangeCandleHistory(_exchange, _clock), _clock, new TieredHistoryOptions());
        _set = new SharedIndicatorSet(new SharedIndicatorSources(_feed, history, _bus, _clock, "binance"), Drawn);
    }

    public void Dispose() => _feed.Dispose();

    private long Now => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    [Fact]
    public async Task Two_viewers_of_the_same_series_and_indicator_hold_one_calculator_dropped_after_both_leave()
    {
        var ema = IndicatorSpec.Parse("ema(21)");
        var first = await _set.AcquireAsync(BtcMinute, ema, CancellationToken.None);
        var second = await _set.AcquireAsync(BtcMinute, IndicatorSpec.Parse("EMA(period=21)"), CancellationToken.None);
        var other = await _set.AcquireAsync(BtcMinute, IndicatorSpec.Parse("rsi(14)"), CancellationToken.None);

        Assert.Same(first.Indicator, second.Indicator);
        Assert.NotSame(first.Indicator, other.Indicator);
        Assert.Equal((2, 2L, 2), (_set.Count, _set.Started, _set.ViewersOf(new IndicatorKey(BtcMinute, ema))));
        Assert.Equal(2, _feed.SubscriptionCount); // one live subscription per calculator, not per viewer

        first.Dispose();
        first.Dispose(); // a second dispose of the same lease releases nothing more
        Assert.Equal((2, 1), (_set.Count, _set.ViewersOf(new IndicatorKey(BtcMinute, ema))));

        second.Dispose();
        other.Dispose();
        Assert.Equal((0, 0), (_set.Count, _feed.SubscriptionCount));

        using var again = await _set.AcquireAsync(BtcMinute, ema, CancellationToken.None);
        Assert.NotSame(first.Indicator, again.Indicator);
        Assert.Equal((1, 3L), (_set.Count, _set.Started));
    }

    [Fact]
    public async Task The_first_drawn_value_is_already_correct_after_the_warm_up()
    {
        var sma = IndicatorSpec.Parse("sma(50)");
        using var lease = await _set.AcquireAsync(BtcMinute, sma, CancellationToken.None);

        var lastClosed = Interval.OneMinute.Floor(Now) - 60_000;
        var firstDrawn = lastClosed - ((Drawn - 1) * 60_000L);
        var values = lease.Indicator.ValuesFrom(firstDrawn);

        // The batch reference reads the exchange itself, from far before the warm-up.
        var reference = Reference(sma, firstDrawn - (300 * 60_000L), lastClosed);
        Assert.Equal(Drawn + 1, values.Count); // the drawn closed candles, then the forming one
        Assert.Equal(firstDrawn, values[0].OpenTime);
        Assert.All(values.Take(Drawn), v => Assert.Equal(reference[v.OpenTime], v));
        Assert.True(values[0].IsReady);
        Assert.Equal(lastClosed + 60_000, values[^1].OpenTime);
    }

    [Fact]
    public async Task Live_candles_reach_every_viewer_once_computed_and_a_closed_candle_advances_the_calculator()
    {
        var sma = IndicatorSpec.Parse("sma(5)");
        using var lease = await _set.AcquireAsync(BtcMinute, sma, CancellationToken.None);
        var seen = new List<IndicatorUpdate>();
        var alsoSeen = new List<IndicatorUpdate>();
        using var one = lease.Indicator.Subscribe(0, Record(seen), out _);
        using var two = lease.Indicator.Subscribe(0, Record(alsoSeen), out _);

        var minute = Interval.OneMinute.Floor(Now);
        var before = lease.Indicator.CandlesFed;
        _feed.OnTrade(At(Now, 90_000m, 1m));
        var forming = await Eventually.ReachesAsync(() => Snapshot(seen), s => s.Any(u => u.Kind == IndicatorUpdateKind.Forming), Patience, "the forming value");

        // "If it closed now": the mean of the four previous closes and the trade's price.
        var previous = Enumerable.Range(1, 4).Select(n => _exchange.PriceAt(minute - (n * 60_000L), Interval.OneMinute, Now).Close);
        var expected = (previous.Sum() + 90_000m) / 5;
        var value = Assert.Single(forming.Single(u => u.Kind == IndicatorUpdateKind.Forming).Values);
        Assert.Equal((minute, true, expected), (value.OpenTime, value.IsReady, value.Value));
        Assert.Equal(before, lease.Indicator.CandlesFed); // a preview feeds nothing

        _clock.Advance(TimeSpan.FromMinutes(1)); // the minute closes on the clock
        var closed = await Eventually.ReachesAsync(() => Snapshot(seen), s => s.Any(u => u.Kind == IndicatorUpdateKind.Closed), Patience, "the closed value");
        Assert.Equal(new IndicatorValue(minute, true, expected), Assert.Single(closed.Single(u => u.Kind == IndicatorUpdateKind.Closed).Values));
        Assert.Equal(before + 1, lease.Indicator.CandlesFed);
        Assert.Equal(Snapshot(seen).Select(u => (u.Kind, u.Values.Count)), Snapshot(alsoSeen).Select(u => (u.Kind, u.Values.Count)));
    }

    [Fact]
    public async Task An_official_candle_replacing_a_live_one_updates_the_values_from_it_on()
    {
        var sma = IndicatorSpec.Parse("sma(3)");
        using var lease = await _set.AcquireAsync(BtcMinute, sma, CancellationToken.None);
        var seen = new List<IndicatorUpdate>();
        using var subscription = lease.Indicator.Subscribe(0, Record(seen), out _);

        // A live minute at 90,000, closed by the clock; then the exchange's official kline for it.
        var minute = Interval.OneMinute.Floor(Now);
        _feed.OnTrade(At(Now, 90_000m, 1m));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.ReachesAsync(() => Snapshot(seen), s => s.Any(u => u.Kind == IndicatorUpdateKind.Closed), Patience, "the live close");

        var official = _exchange.PriceAt(minute, Interval.OneMinute, Now);
        await _store.UpsertAsync(new SeriesKey("binance", "BTCUSDT", Interval.OneMinute), [official], CancellationToken.None);
        await _bus.PublishAsync(new DataUpdated("binance", "BTCUSDT", "1m", minute, minute, 1), CancellationToken.None);

        var replaced = await Eventually.ReachesAsync(() => Snapshot(seen), s => s.Any(u => u.Kind == IndicatorUpdateKind.Replaced), Patience, "the replacement");
        var values = replaced.Single(u => u.Kind == IndicatorUpdateKind.Replaced).Values;
        var closes = new[] { 2, 1 }.Select(n => _exchange.PriceAt(minute - (n * 60_000L), Interval.OneMinute, Now).Close).Append(official.Close);
        Assert.Equal(new IndicatorValue(minute, true, closes.Sum() / 3), values[0]);
        Assert.Equal(new IndicatorValue(minute, true, closes.Sum() / 3), lease.Indicator.ValuesFrom(minute)[0]);

        // Another series' commit concerns nobody here.
        var count = Snapshot(seen).Count;
        await _bus.PublishAsync(new DataUpdated("binance", "ETHUSDT", "1m", minute, minute, 1), CancellationToken.None);
        await _bus.PublishAsync(new DataUpdated("kraken", "BTCUSDT", "1m", minute, minute, 1), CancellationToken.None);
        Assert.Equal(count, Snapshot(seen).Count);
    }

    [Fact]
    public async Task A_start_that_fails_is_not_inherited_by_the_next_viewer()
    {
        var sma = IndicatorSpec.Parse("sma(5)");
        _exchange.Failure = new TimeoutException("the exchange did not answer");

        await Assert.ThrowsAsync<TimeoutException>(() => _set.AcquireAsync(BtcMinute, sma, CancellationToken.None));
        Assert.Equal((0, 0), (_set.Count, _feed.SubscriptionCount));

        _exchange.Failure = null;
        using var lease = await _set.AcquireAsync(BtcMinute, sma, CancellationToken.None);
        Assert.True(lease.Indicator.ValuesFrom(0)[^2].IsReady);
    }

    private Dictionary<long, IndicatorValue> Reference(IndicatorSpec spec, long from, long to)
    {
        var candles = new List<Candle>();
        for (var t = from; t <= to; t += 60_000)
        {
            candles.Add(_exchange.PriceAt(t, Interval.OneMinute, Now));
        }

        return IndicatorHistory.Compute(spec, [], candles).ToDictionary(v => v.OpenTime);
    }

    private static Action<IndicatorUpdate> Record(List<IndicatorUpdate> into) => update =>
    {
        lock (into)
        {
            into.Add(update);
        }
    };

    private static List<IndicatorUpdate> Snapshot(List<IndicatorUpdate> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }
}
