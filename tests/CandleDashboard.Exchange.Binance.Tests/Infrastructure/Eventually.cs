namespace CandleDashboard.Exchange.Binance.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or a deadline passes (for state with no event to await).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null, Action? eachPoll = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for: {what}");
            }

            eachPoll?.Invoke();
            await Task.Delay(5);
        }
    }
}
