using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.Buffers;
using CandleDashboard.Web.Api;

namespace CandleDashboard.Web.Admin.Api;

/// <summary>
/// JSON shape of one buffer for GET /api/buffers (interval as its code, state as text), with the
/// series' live vs official summary (the same body as the public live-accuracy endpoint).
/// </summary>
public sealed record BufferStatusDto(
    string Symbol,
    string Interval,
    int Count,
    int Capacity,
    bool IsFull,
    DateTimeOffset? LastUpdated,
    string? LoadedFrom,
    string State,
    string? LastError,
    LiveAccuracyJson? LiveAccuracy)
{
    public static BufferStatusDto From(CandleBufferStatus status, LiveAccuracy? liveAccuracy) => new(
        status.Symbol,
        status.Interval.Code,
        status.Count,
        status.Capacity,
        status.IsFull,
        status.LastUpdated,
        status.LoadedFrom,
        status.State.ToString(),
        status.LastError,
        liveAccuracy is null ? null : LiveAccuracyJson.From(liveAccuracy));
}
