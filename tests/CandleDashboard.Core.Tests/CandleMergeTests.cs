using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;
using static CandleDashboard.Core.Tests.TestTrades;

namespace CandleDashboard.Core.Tests;

public class CandleMergeTests
{
    private static Candle C(long openTime, decimal close, bool closed = true, CandleSource source = CandleSource.Official) =>
        new(openTime, close, close, close, close, 1m, close, 1, closed, source);

    private static readonly IReadOnlyList<Candle> History = [C(Midnight, 1m), C(Midnight + 60_000, 2m)];

    [Fact]
    public void A_newer_live_candle_is_appended()
    {
        var live = C(Midnight + 120_000, 3m, closed: false, CandleSource.Live);
        Assert.Equal([.. History, live], CandleMerge.WithLive(History, live));
    }

    [Fact]
    public void A_live_candle_with_the_same_open_time_replaces_a_forming_one()
    {
        IReadOnlyList<Candle> history = [C(Midnight, 1m), C(Midnight + 60_000, 2m, closed: false)];
        var live = C(Midnight + 60_000, 5m, closed: false, CandleSource.Live);
        Assert.Equal([history[0], live], CandleMerge.WithLive(history, live));
    }

    [Fact]
    public void A_closed_official_candle_is_not_replaced_by_a_live_one()
    {
        var live = C(Midnight + 60_000, 5m, closed: false, CandleSource.Live);
        Assert.Equal(History, CandleMerge.WithLive(History, live));
    }

    [Fact]
    public void An_older_live_candle_is_ignored()
    {
        var live = C(Midnight, 9m, closed: false, CandleSource.Live);
        Assert.Equal(History, CandleMerge.WithLive(History, live));
    }

    [Fact]
    public void The_just_closed_live_candle_fills_the_hole_before_the_forming_one_until_official_arrives()
    {
        var justClosed = C(Midnight + 120_000, 3m, closed: true, CandleSource.Live);
        var forming = C(Midnight + 180_000, 4m, closed: false, CandleSource.Live);
        Assert.Equal([.. History, justClosed, forming], CandleMerge.WithLiveCandles(History, [justClosed, forming]));

        IReadOnlyList<Candle> withOfficial = [.. History, C(Midnight + 120_000, 3.5m)];
        Assert.Equal([.. withOfficial, forming], CandleMerge.WithLiveCandles(withOfficial, [justClosed, forming]));
    }

    [Fact]
    public void No_history_gives_just_the_live_candle_and_no_live_gives_the_history()
    {
        var live = C(Midnight, 9m, closed: false, CandleSource.Live);
        Assert.Equal([live], CandleMerge.WithLive([], live));
        Assert.Same(History, CandleMerge.WithLive(History, null));
    }
}
