namespace CandleDashboard.Simulator.Generation;

/// <summary>Sub-millisecond epoch time, so scheduled arrivals keep their order inside one millisecond.</summary>
internal static class Clock
{
    public static double NowMs(TimeProvider timeProvider) =>
        (timeProvider.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerMillisecond;
}
