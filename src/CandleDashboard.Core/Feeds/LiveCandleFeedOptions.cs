using CandleDashboard.Core.Building;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Feeds;

public sealed class LiveCandleFeedOptions
{
    /// <summary>Symbols to build candles for; trades of other symbols are ignored.</summary>
    public IReadOnlyList<string> Symbols { get; set; } = [];

    /// <summary>Intervals built for every symbol at once.</summary>
    public IReadOnlyList<Interval> Intervals { get; set; } = Interval.Defaults;

    /// <summary>
    /// At most one update per series per window reaches subscribers; the latest value wins.
    /// 100 ms = 10 updates/s, about what a chart can draw smoothly.
    /// </summary>
    public TimeSpan CoalescingWindow { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often candles are closed on the clock (a new candle appears at most this late after its boundary).</summary>
    public TimeSpan FlushTick { get; set; } = TimeSpan.FromMilliseconds(20);

    public LiveCandleBuilderOptions Builder { get; set; } = new();
}
