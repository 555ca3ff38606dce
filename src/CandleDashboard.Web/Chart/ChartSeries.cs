using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// The server's view of what one chart currently draws: enough to decide whether an update
/// replaces the last candle or appends one, and to show the readouts — without keeping the
/// whole series (the browser holds that). Not thread-safe: used from the component's
/// renderer context only.
/// </summary>
public sealed class ChartSeries
{
    public ChartSeries(int maxCandles)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCandles, 1);
        MaxCandles = maxCandles;
    }

    /// <summary>The browser drops the oldest candle beyond this, so the count never exceeds it.</summary>
    public int MaxCandles { get; }

    public int Count { get; private set; }

    public Candle? Last { get; private set; }

    /// <summary>Close of the candle before <see cref="Last"/>, for the change readout (null when none is drawn).</summary>
    public decimal? PreviousClose { get; private set; }

    /// <summary>Open time of the oldest drawn candle: official candles older than it are not the chart's.</summary>
    public long? FirstOpenTime { get; private set; }

    /// <summary>
    /// The browser dropped its newest candles to show the past (scroll-back beyond what it holds):
    /// live updates are not sent until it reloads the latest candles.
    /// </summary>
    public bool Detached { get; private set; }

    public void Load(IReadOnlyList<Candle> candles)
    {
        Count = Math.Min(candles.Count, MaxCandles);
        FirstOpenTime = candles.Count > 0 ? candles[^Count].OpenTime : null;
        Last = candles.Count > 0 ? candles[^1] : null;
        PreviousClose = candles.Count > 1 ? candles[^2].Close : null;
        Detached = false;
    }

    /// <summary>The browser loaded or dropped pages (scroll-back): what it holds now.</summary>
    public void WindowChanged(int count, long firstOpenTime, bool detached)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = Math.Min(count, MaxCandles);
        FirstOpenTime = firstOpenTime;
        Detached = detached;
    }

    /// <summary>Classifies the update and records it when it changes the chart.</summary>
    public ChartChange Apply(in Candle candle)
    {
        if (Last is { } last)
        {
            if (candle.OpenTime < last.OpenTime)
            {
                return ChartChange.Ignored;
            }

            if (candle.OpenTime == last.OpenTime)
            {
                // An official kline is final: a live update of its bucket that was still in
                // flight (the closing one, typically) must not turn it back into a live candle.
                if (candle == last || (ChartCandle.IsOfficial(last) && !ChartCandle.IsOfficial(candle)))
                {
                    return ChartChange.Ignored;
                }

                Last = candle;
                return ChartChange.ReplacedLast;
            }
        }

        PreviousClose = Last?.Close;
        Last = candle;
        FirstOpenTime ??= candle.OpenTime;
        Count = Math.Min(Count + 1, MaxCandles);
        return ChartChange.Appended;
    }

    /// <summary>
    /// Records candles the browser inserted into holes of the drawn window (official candles of
    /// buckets the history load missed); the window stays capped like the browser's.
    /// </summary>
    public void RecordInserted(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = Math.Min(Count + count, MaxCandles);
    }

    /// <summary>
    /// Picks the official candles that may replace drawn ones, and records a replaced last candle.
    /// Only closed official klines qualify, never for the forming bucket (the live candle keeps
    /// moving there; an official one would make it jump back and forth), and only inside the drawn
    /// range — they replace in place (or fill a hole), they never append. The browser matches open
    /// times exactly and drops any the window no longer holds.
    /// </summary>
    /// <param name="official">Official candles of a committed range, oldest first.</param>
    /// <param name="formingOpenTime">Open time of the bucket the clock is in now.</param>
    public IReadOnlyList<Candle> AcceptOfficial(IReadOnlyList<Candle> official, long formingOpenTime)
    {
        if (Last is not { } last || FirstOpenTime is not { } first)
        {
            return [];
        }

        var accepted = new List<Candle>(official.Count);
        foreach (var candle in official)
        {
            if (!ChartCandle.IsOfficial(candle)
                || candle.OpenTime >= formingOpenTime
                || candle.OpenTime < first
                || candle.OpenTime > last.OpenTime)
            {
                continue;
            }

            if (candle.OpenTime == last.OpenTime)
            {
                if (candle == last)
                {
                    continue; // already drawn as this official candle
                }

                Last = candle;
            }

            accepted.Add(candle);
        }

        return accepted;
    }
}
