namespace CandleDashboard.Admin.Tests.Infrastructure;

/// <summary>Poll a condition until it holds or a deadline passes (no fixed sleeps in tests).</summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        T value;
        while (true)
        {
            value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what}: not within {within} (last value: {value})");
            }

            await Task.Delay(100);
        }
    }
}
