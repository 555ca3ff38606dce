using System.Diagnostics;

namespace CandleDashboard.Benchmarks.Latency;

/// <summary>Maps Stopwatch timestamps to wall-clock epoch milliseconds (the browser reports wall-clock times).</summary>
public sealed class WallClock
{
    private readonly long _originTimestamp;
    private readonly double _originWallMs;

    private WallClock(long originTimestamp, double originWallMs)
    {
        _originTimestamp = originTimestamp;
        _originWallMs = originWallMs;
    }

    public static WallClock Start() => new(Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + (DateTime.UtcNow.Ticks % TimeSpan.TicksPerMillisecond / (double)TimeSpan.TicksPerMillisecond));

    public double ToWallMs(long stopwatchTimestamp) => _originWallMs + Stopwatch.GetElapsedTime(_originTimestamp, stopwatchTimestamp).TotalMilliseconds;

    public double NowMs() => ToWallMs(Stopwatch.GetTimestamp());
}
