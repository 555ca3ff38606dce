using CandleDashboard.Core.Buffers;

namespace CandleDashboard.Web.Admin.Api;

/// <summary>JSON shape of one buffer for GET /api/buffers (interval as its code, state as text).</summary>
public sealed record BufferStatusDto(
    string Symbol,
    string Interval,
    int Count,
    int Capacity,
    bool IsFull,
    DateTimeOffset? LastUpdated,
    string? LoadedFrom,
    string State,
    string? LastError)
{
    public static BufferStatusDto From(CandleBufferStatus status) => new(
        status.Symbol,
        status.Interval.Code,
        status.Count,
        status.Capacity,
        status.IsFull,
        status.LastUpdated,
        status.LoadedFrom,
        status.State.ToString(),
        status.LastError);
}
