using CandleDashboard.Core.Buffers;

namespace CandleDashboard.Web.Admin.Status;

/// <summary>One symbol × interval buffer as the admin grid shows it.</summary>
public sealed record BufferRow(
    string Symbol,
    string Interval,
    long IntervalMilliseconds,
    int Count,
    int Capacity,
    bool IsFull,
    DateTimeOffset? LastUpdated,
    string LastUpdatedAgo,
    string LoadedFrom,
    BufferState State,
    string? LastError,
    Attention Attention)
{
    /// <summary>The reconciler's and the fetcher's word on the series' stores.</summary>
    public SeriesIntegrity Integrity { get; init; } = SeriesIntegrity.None;

    public string Key => $"{Symbol}-{Interval}";

    public double FillPercent => Capacity == 0 ? 0 : Math.Min(100, 100.0 * Count / Capacity);

    public static BufferRow From(CandleBufferStatus status, DateTimeOffset now) => new(
        status.Symbol,
        status.Interval.Code,
        status.Interval.Milliseconds,
        status.Count,
        status.Capacity,
        status.IsFull,
        status.LastUpdated,
        RelativeTime.Format(status.LastUpdated, now),
        status.LoadedFrom ?? "—",
        status.State,
        status.LastError,
        AttentionOf(status));

    /// <summary>Degraded first (history failed), then loading, then a Ready buffer still short of its size.</summary>
    public static Attention AttentionOf(CandleBufferStatus status) => status.State switch
    {
        BufferState.Degraded => Attention.Degraded,
        BufferState.Loading => Attention.Loading,
        _ when !status.IsFull => Attention.NotFull,
        _ => Attention.None,
    };
}
