using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Tests.Accuracy;

public class LiveDeltaLogTests
{
    private static readonly Series XbtMinute = new("XBTUSDT", Interval.OneMinute);

    private static Candle Live(long openTime, decimal close, long trades = 3) =>
        new(openTime, close, close, close, close, 1m, close, trades, true, CandleSource.Live);

    private static Candle Official(long openTime, decimal close, long trades = 3) =>
        Live(openTime, close, trades) with { Source = CandleSource.Official };

    [Fact]
    public void The_recorded_session_summarises_its_last_100_replaced_minutes()
    {
        // Kraken's session built live from its recorded trades, with a feed that lost trades
        // 10219168-9 (the 23:57 high and close); each official row then replaces its minute.
        var official = KrakenRecording.LoadOfficial();
        var trades = KrakenRecording.LoadTrades();
        var live = KrakenRecording.Rebuild(trades.Where(t => t.TradeId is not (10219168 or 10219169)));
        var log = new LiveDeltaLog(XbtMinute, window: 100);
        var edge = KrakenRecording.FirstFullMinute - 60_000; // 17:23: its first trade predates the recording
        var lossy = DateTimeOffset.Parse("2025-11-10T23:57:00Z").ToUnixTimeMilliseconds();

        for (var minute = edge; minute <= KrakenRecording.LastFullMinute; minute += 60_000)
        {
            log.Record(live[minute], official[minute]);
        }

        var accuracy = log.Accuracy;
        Assert.Equal(100, accuracy.Window);
        Assert.Equal(100, accuracy.Compared);
        Assert.Equal(99, accuracy.Matched);
        Assert.Equal(1, accuracy.Differing);
        Assert.Equal(39.1m, accuracy.LargestCloseDifference);
        Assert.Equal(lossy, accuracy.LargestCloseDifferenceAt);
        Assert.Equal(0.00432224m, accuracy.LargestVolumeDifference);
        Assert.Equal(2L, accuracy.LargestTradeCountDifference);
        Assert.Equal(KrakenRecording.LastFullMinute, accuracy.Latest?.OpenTime);
        Assert.True(accuracy.Latest?.Matched);
        // Since the start: all 410 minutes, of which the edge minute and 23:57 differed.
        Assert.Equal((410L, 408L, 2L), (accuracy.ComparedSinceStart, accuracy.MatchedSinceStart, accuracy.DifferingSinceStart));

        // The window is the newest 100 minutes, 22:33 to 00:12: the edge minute has left it.
        var deltas = log.Deltas();
        Assert.Equal(DateTimeOffset.Parse("2025-11-10T22:33:00Z").ToUnixTimeMilliseconds(), deltas[0].OpenTime);
        Assert.Equal(KrakenRecording.LastFullMinute, deltas[^1].OpenTime);
        Assert.Null(log.Find(edge));
        Assert.Equal(new LiveDelta(lossy, 0m, 30.9m, 0m, 39.1m, 0.00432224m, 2), log.Find(lossy));
    }

    [Fact]
    public void An_empty_log_has_nothing_compared_and_no_largest_difference()
    {
        var accuracy = new LiveDeltaLog(XbtMinute, 100).Accuracy;

        Assert.Equal((0, 0, 0m, (long?)null, (LiveDelta?)null, 0L), (accuracy.Compared, accuracy.Matched, accuracy.LargestCloseDifference, accuracy.LargestCloseDifferenceAt, accuracy.Latest, accuracy.ComparedSinceStart));
    }

    [Fact]
    public void The_largest_close_difference_is_absolute_and_names_the_newest_candle_with_it()
    {
        var log = new LiveDeltaLog(XbtMinute, 10);
        log.Record(Live(60_000, 100m), Official(60_000, 99.99m));   // -0.01
        log.Record(Live(120_000, 100m), Official(120_000, 100.01m)); // +0.01
        log.Record(Live(180_000, 100m), Official(180_000, 100m, trades: 4));

        var accuracy = log.Accuracy;

        Assert.Equal(0.01m, accuracy.LargestCloseDifference);
        Assert.Equal(120_000, accuracy.LargestCloseDifferenceAt);
        Assert.Equal(-0.01m, log.Find(60_000)?.Close);
        Assert.Equal((3, 0, 1L), (accuracy.Compared, accuracy.Matched, accuracy.LargestTradeCountDifference));
    }

    [Fact]
    public void Keeps_the_newest_window_by_open_time_and_counts_a_repeated_candle_once()
    {
        var log = new LiveDeltaLog(XbtMinute, window: 2);
        log.Record(Live(120_000, 10m), Official(120_000, 10m));
        log.Record(Live(180_000, 10m), Official(180_000, 11m));
        log.Record(Live(180_000, 10m), Official(180_000, 11m)); // delivered twice

        var older = log.Record(Live(60_000, 10m), Official(60_000, 12m)); // older than the full window

        Assert.Equal(2m, older.Close); // still answered, not kept
        Assert.Null(log.Find(60_000));
        Assert.Equal([120_000L, 180_000L], log.Deltas().Select(d => d.OpenTime));
        Assert.Equal((2, 1, 2L, 1L), (log.Accuracy.Compared, log.Accuracy.Matched, log.Accuracy.ComparedSinceStart, log.Accuracy.MatchedSinceStart));

        log.Record(Live(240_000, 10m), Official(240_000, 10m));

        Assert.Equal([180_000L, 240_000L], log.Deltas().Select(d => d.OpenTime));
        Assert.Equal((2, 1, 3L, 2L), (log.Accuracy.Compared, log.Accuracy.Matched, log.Accuracy.ComparedSinceStart, log.Accuracy.MatchedSinceStart));
    }

    [Fact]
    public void A_corrected_official_kline_is_compared_with_the_live_candle_that_was_shown()
    {
        var log = new LiveDeltaLog(XbtMinute, 10);
        log.Record(Live(60_000, 10m), Official(60_000, 10m));

        var revised = log.Revise(Official(60_000, 10.5m));

        Assert.Equal(0.5m, revised?.Close);
        Assert.Equal(0.5m, log.Find(60_000)?.Close);
        Assert.Equal((1, 0), (log.Accuracy.Compared, log.Accuracy.Matched));
        Assert.Equal((1L, 1L), (log.Accuracy.ComparedSinceStart, log.Accuracy.MatchedSinceStart)); // counters never go back
        Assert.Null(log.Revise(Official(120_000, 10m))); // never built live here: nothing to compare
    }

    [Fact]
    public void The_set_has_one_log_per_configured_series_and_nothing_for_others()
    {
        var set = new LiveDeltaLogSet(["BTCUSDT", "ETHUSDT"], [Interval.FifteenSeconds, Interval.OneMinute]);
        set.Get("ETHUSDT", Interval.OneMinute)!.Record(Live(60_000, 10m), Official(60_000, 10.25m));

        Assert.Equal(LiveDeltaLogSet.DefaultWindow, set.Window);
        Assert.Equal(
            ["BTCUSDT 15s", "BTCUSDT 1m", "ETHUSDT 15s", "ETHUSDT 1m"],
            set.Accuracies.Select(a => a.Series.ToString()));
        Assert.Equal(0.25m, set.DeltaAt("ETHUSDT", Interval.OneMinute, 60_000)?.Close);
        Assert.Null(set.DeltaAt("BTCUSDT", Interval.OneMinute, 60_000));
        Assert.Equal(1, set.AccuracyOf("ETHUSDT", Interval.OneMinute)?.Compared);
        Assert.Null(set.AccuracyOf("SOLUSDT", Interval.OneMinute));
        Assert.Null(set.DeltaAt("ETHUSDT", Interval.FiveMinutes, 60_000));
    }
}
