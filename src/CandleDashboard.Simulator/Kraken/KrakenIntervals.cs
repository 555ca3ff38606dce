namespace CandleDashboard.Simulator.Kraken;

/// <summary>
/// The OHLC intervals Kraken serves, in minutes (1 minute … 15 days). Buckets start at multiples of the
/// length since the Unix epoch, so 1440 starts at 00:00 UTC and 10080 on Thursdays (the epoch's weekday).
/// </summary>
internal static class KrakenIntervals
{
    public static IReadOnlyList<int> Minutes { get; } = [1, 5, 15, 30, 60, 240, 1440, 10080, 21600];

    /// <summary>The lengths in ms, in the order of <see cref="Minutes"/> (what a Kraken pair's market is built with).</summary>
    public static IReadOnlyList<long> Lengths { get; } = Minutes.Select(m => m * 60_000L).ToArray();

    /// <summary>OHLC serves this many committed rows at most, then the forming one.</summary>
    public const int CommittedRows = 720;

    public static int IndexOf(int minutes)
    {
        for (var i = 0; i < Minutes.Count; i++)
        {
            if (Minutes[i] == minutes)
            {
                return i;
            }
        }

        return -1;
    }
}
