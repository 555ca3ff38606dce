namespace CandleDashboard.Exchange.Streaming.Tests;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Ceiling_doubles_from_the_initial_delay_up_to_the_cap()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), jitter: true, new Random(1));

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], Enumerable.Range(0, 7).Select(a => backoff.Ceiling(a).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(30), backoff.Ceiling(10_000)); // no overflow after a very long outage
    }

    [Fact]
    public void Full_jitter_spreads_delays_over_zero_to_the_ceiling()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), jitter: true, new Random(12345));

        for (var attempt = 0; attempt < 8; attempt++)
        {
            var ceiling = backoff.Ceiling(attempt);
            var delays = Enumerable.Range(0, 2000).Select(_ => backoff.NextDelay(attempt)).ToList();

            Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, ceiling));

            // Uniform over [0, ceiling): mean near half the ceiling, both halves used.
            var meanFraction = delays.Average(d => d / ceiling);
            Assert.InRange(meanFraction, 0.45, 0.55);
            Assert.Contains(delays, d => d < ceiling * 0.1);
            Assert.Contains(delays, d => d > ceiling * 0.9);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_delays()
    {
        var a = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), true, new Random(7));
        var b = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), true, new Random(7));

        Assert.Equal(Enumerable.Range(0, 10).Select(a.NextDelay), Enumerable.Range(0, 10).Select(b.NextDelay));
    }

    [Fact]
    public void Without_jitter_the_delay_is_the_ceiling()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(3), jitter: false, new Random(1));

        Assert.Equal([0.5, 1, 2, 3, 3], Enumerable.Range(0, 5).Select(a => backoff.NextDelay(a).TotalSeconds));
    }

    [Fact]
    public void Invalid_settings_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(TimeSpan.Zero, TimeSpan.FromSeconds(1), true, new Random()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), true, new Random()));
        Assert.Throws<ArgumentNullException>(() => new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), true, null!));
    }

    [Fact]
    public void A_negative_attempt_is_a_caller_bug_and_is_rejected()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), jitter: false, new Random(1));

        Assert.Throws<ArgumentOutOfRangeException>(() => backoff.Ceiling(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => backoff.NextDelay(-1));
    }
}
