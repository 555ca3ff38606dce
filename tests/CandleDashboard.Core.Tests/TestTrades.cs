using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Tests;

/// <summary>Small helpers to write trades in tests the way one reads them.</summary>
internal static class TestTrades
{
    /// <summary>2024-01-01 00:00:00 UTC, a day, hour and minute boundary.</summary>
    public const long Midnight = 1_704_067_200_000;

    private static long _nextId = 1;

    public static Trade At(long time, decimal price, decimal quantity, string symbol = "BTCUSDT") =>
        new(symbol, Interlocked.Increment(ref _nextId), price, quantity, time);
}
