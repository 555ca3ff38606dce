using CandleDashboard.Core.Market;

namespace CandleDashboard.Exchange.Kraken;

/// <summary>
/// The OHLC intervals Kraken serves that the product knows, with Kraken's own spelling (minutes).
/// Kraken also serves 1 week and 15 days (10080, 21600), which the product has no interval for;
/// 15s/30s and anything older than Kraken's 720-candle window must be built from trades.
/// </summary>
public static class KrakenIntervals
{
    private static readonly Dictionary<Interval, int> Minutes = new()
    {
        [Interval.OneMinute] = 1,
        [Interval.FiveMinutes] = 5,
        [Interval.FifteenMinutes] = 15,
        [Interval.ThirtyMinutes] = 30,
        [Interval.OneHour] = 60,
        [Interval.FourHours] = 240,
        [Interval.OneDay] = 1440,
    };

    public static IReadOnlyList<Interval> Supported { get; } = [.. Minutes.Keys.OrderBy(i => i.Milliseconds)];

    public static bool IsSupported(Interval interval) => Minutes.ContainsKey(interval);

    /// <summary>
    /// Open time of the oldest candle Kraken's OHLC still serves at <paramref name="nowMs"/>: the
    /// newest 720 candles, the forming one included. A gap starting earlier must be built from trades.
    /// </summary>
    public static long OldestServedOpenTime(Interval interval, long nowMs)
    {
        _ = MinutesOf(interval);
        return interval.Floor(nowMs) - ((Rest.KrakenRestClient.OhlcWindow - 1) * interval.Milliseconds);
    }

    /// <summary>The <c>interval</c> query value (minutes) for a supported interval.</summary>
    public static int MinutesOf(Interval interval) =>
        Minutes.TryGetValue(interval, out var minutes)
            ? minutes
            : throw new ArgumentException($"Kraken does not serve {interval} OHLC; build it from trades.", nameof(interval));
}
