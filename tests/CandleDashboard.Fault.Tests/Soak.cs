namespace CandleDashboard.Fault.Tests;

/// <summary>
/// The same scenarios at the full length when <c>CANDLEDASHBOARD_SOAK=1</c> (a documented command,
/// docs/reliability.md); short versions otherwise, so <c>./test.sh</c> stays within its time budget.
/// </summary>
public static class Soak
{
    public static bool On => Environment.GetEnvironmentVariable("CANDLEDASHBOARD_SOAK") == "1";

    public static int Count(int quick, int soak) => On ? soak : quick;

    public static TimeSpan Duration(TimeSpan quick, TimeSpan soak) => On ? soak : quick;
}
