using CandleDashboard.Core.Market;

namespace CandleDashboard.Exchange.Binance;

/// <summary>The kline intervals Binance spot serves itself (no 15s/30s; those are resampled from 1s).</summary>
public static class BinanceIntervals
{
    public static IReadOnlyList<Interval> Supported { get; } =
    [
        Interval.OneSecond, Interval.OneMinute, Interval.ThreeMinutes, Interval.FiveMinutes, Interval.FifteenMinutes,
        Interval.ThirtyMinutes, Interval.OneHour, Interval.TwoHours, Interval.FourHours, Interval.SixHours,
        Interval.EightHours, Interval.TwelveHours, Interval.OneDay,
    ];

    public static bool IsSupported(Interval interval) => Supported.Contains(interval);
}
