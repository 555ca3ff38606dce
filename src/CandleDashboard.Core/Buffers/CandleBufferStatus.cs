using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Buffers;

/// <summary>What an operator sees of one buffer.</summary>
/// <param name="LastUpdated">When the buffer last changed (load or closed candle), or null before.</param>
/// <param name="LoadedFrom">The tier history came from ("redis", "postgres", "memory", "exchange"), or null before loading ends.</param>
/// <param name="LastError">Why loading failed, when <see cref="State"/> is Degraded.</param>
public sealed record CandleBufferStatus(
    string Symbol,
    Interval Interval,
    int Count,
    int Capacity,
    DateTimeOffset? LastUpdated,
    string? LoadedFrom,
    BufferState State,
    string? LastError)
{
    public bool IsFull => Count >= Capacity;
}
