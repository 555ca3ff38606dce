using CandleDashboard.Core.Market;
using CandleDashboard.Core.Messaging;

namespace CandleDashboard.Core.Feeds;

/// <summary>The subscribers of one series (symbol × interval) and what they have not been sent yet.</summary>
internal sealed class SeriesChannel(Interval interval)
{
    public Interval Interval { get; } = interval;

    public HandlerList<CandleUpdate> Handlers { get; } = new();

    /// <summary>Closed candles waiting to be published (guarded by the symbol's lock).</summary>
    public List<Candle> PendingClosed { get; } = [];

    /// <summary>Builder version last published (guarded by the symbol's lock).</summary>
    public long PublishedVersion { get; set; } = -1;
}
