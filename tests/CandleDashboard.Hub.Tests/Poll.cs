namespace CandleDashboard.Hub.Tests;

/// <summary>Waits for a condition the server reaches asynchronously (e.g. disconnect cleanup), with a deadline instead of a sleep.</summary>
public static class Poll
{
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan deadline)
    {
        var end = DateTime.UtcNow + deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > end)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
