using CandleDashboard.Core.Market;

namespace CandleDashboard.Simulator.Market;

/// <summary>
/// The fixed-length kline intervals Binance spot serves. 15s and 30s exist in Core for charts but are
/// not Binance intervals; the REST API answers them with -1120 like the real exchange.
/// </summary>
internal static class BinanceIntervals
{
    public static IReadOnlyList<Interval> All { get; } =
    [
        Interval.OneSecond, Interval.OneMinute, Interval.ThreeMinutes, Interval.FiveMinutes, Interval.FifteenMinutes,
        Interval.ThirtyMinutes, Interval.OneHour, Interval.TwoHours, Interval.FourHours, Interval.SixHours,
        Interval.EightHours, Interval.TwelveHours, Interval.OneDay,
    ];

    /// <summary>The lengths of <see cref="All"/> in ms, in the same order (what a <see cref="SymbolMarket"/> is built with).</summary>
    public static IReadOnlyList<long> Lengths { get; } = All.Select(i => i.Milliseconds).ToArray();

    public static bool TryParse(string? code, out Interval interval, out int index)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i].Code, code, StringComparison.Ordinal))
            {
                interval = All[i];
                index = i;
                return true;
            }
        }

        interval = default;
        index = -1;
        return false;
    }
}
