using System.Globalization;
using CandleDashboard.Core.Accuracy;
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

    /// <summary>Live vs official over the series' last replaced candles; null when not recorded.</summary>
    public LiveAccuracy? LiveAccuracy { get; init; }

    /// <summary>"98 of 100": replaced candles the live one matched, of the last N compared; "—" before the first.</summary>
    public string LiveMatched => LiveAccuracy is { Compared: > 0 } a
        ? string.Create(CultureInfo.InvariantCulture, $"{a.Matched} of {a.Compared}")
        : "—";

    /// <summary>The largest |official − live| close among them, as the exact decimal; "—" before the first.</summary>
    public string LargestCloseDifference => LiveAccuracy is { Compared: > 0 } a
        ? a.LargestCloseDifference.ToString(CultureInfo.InvariantCulture)
        : "—";

    /// <summary>For sorting: the share matched (1 when nothing was compared yet, so such rows sort with the good ones).</summary>
    public double LiveMatchedShare => LiveAccuracy is { Compared: > 0 } a ? (double)a.Matched / a.Compared : 1;

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
