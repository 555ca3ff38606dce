using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;

namespace CandleDashboard.Web.Admin.Status;

/// <summary>Everything the buffer status page shows, taken at one instant.</summary>
public sealed record AdminSnapshot(
    DateTimeOffset TakenAt,
    IReadOnlyList<BufferRow> Buffers,
    IReadOnlyList<SymbolFeedRow> Feeds,
    FeedStatus Feed,
    FetcherView Fetcher,
    int ChartSubscriptions,
    long OpenCircuits = 0,
    long HubConnections = 0,
    IReadOnlyList<RetentionRow>? RetentionRows = null,
    InstanceRole? Role = null)
{
    /// <summary>The retention job per configured interval; empty when nothing is pruned.</summary>
    public IReadOnlyList<RetentionRow> Retention => RetentionRows ?? [];

    public int BuffersNeedingAttention => Buffers.Count(b => b.Attention.IsProblem());

    public int FeedsNeedingAttention => Feeds.Count(f => f.Attention.IsProblem());

    public int FullBuffers => Buffers.Count(b => b.IsFull);
}
