using CandleDashboard.Core.Building;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Feeds;

/// <summary>
/// Everything the live feed keeps for one symbol: its builder and one channel per interval.
/// <see cref="Sync"/> guards the builder and the channels' pending state; <see cref="PublishGate"/>
/// keeps deliveries of one symbol in order when the trade path and the timer both publish.
/// </summary>
internal sealed class SymbolBook
{
    public SymbolBook(LiveCandleBuilder builder)
    {
        Builder = builder;
        Channels = builder.Intervals.Select(i => new SeriesChannel(i)).ToArray();
        builder.CandleClosed += (interval, candle) => Channels[builder.IndexOf(interval)].PendingClosed.Add(candle);
    }

    public object Sync { get; } = new();

    public object PublishGate { get; } = new();

    public LiveCandleBuilder Builder { get; }

    public SeriesChannel[] Channels { get; }

    /// <summary>Fires once when the current coalescing window ends, to publish what arrived inside it.</summary>
    public ITimer? TrailingTimer { get; set; }

    /// <summary>True while <see cref="TrailingTimer"/> is armed (guarded by <see cref="Sync"/>).</summary>
    public bool TrailingScheduled { get; set; }

    /// <summary>TimeProvider timestamp of the last publish (guarded by <see cref="Sync"/>).</summary>
    public long LastPublishTimestamp { get; set; } = long.MinValue / 2;

    public SeriesChannel? ChannelOf(Interval interval)
    {
        var index = Builder.IndexOf(interval);
        return index >= 0 ? Channels[index] : null;
    }
}
