namespace CandleDashboard.Storage.Postgres.Tests.Infrastructure;

/// <summary>Waits for a condition by polling with a deadline, never by sleeping a guessed time.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan deadline, string what)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Not true within {deadline.TotalSeconds} s: {what}. Last value: {value}");
            }

            await Task.Delay(25);
        }
    }
}
