namespace CandleDashboard.Core.Building;

public sealed class LiveCandleBuilderOptions
{
    /// <summary>
    /// A trade stamped later than now plus this is rejected: a bad exchange clock or a corrupt
    /// message must not open candles in the future.
    /// </summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most empty (flat) candles emitted for one gap; a longer outage is left to history.</summary>
    public int MaxEmptyBucketsFilled { get; set; } = 1000;
}
