using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Charting;

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

    /// <summary>The first candle drawn, for the change-over-the-window readout.</summary>
    public Candle? First { get; private set; }

    public void Load(IReadOnlyList<Candle> candles)
    {
        Count = Math.Min(candles.Count, MaxCandles);
        First = candles.Count > 0 ? candles[^Count] : null;
        Last = candles.Count > 0 ? candles[^1] : null;
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
                if (candle == last)
                {
                    return ChartChange.Ignored;
                }

                Last = candle;
                return ChartChange.ReplacedLast;
            }
        }

        Last = candle;
        First ??= candle;
        Count = Math.Min(Count + 1, MaxCandles);
        return ChartChange.Appended;
    }
}
