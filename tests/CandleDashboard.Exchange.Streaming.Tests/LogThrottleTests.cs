using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Exchange.Streaming.Tests;

public sealed class LogThrottleTests
{
    [Fact]
    public void Lets_one_through_per_window_and_counts_the_rest()
    {
        var time = new FakeTimeProvider();
        var throttle = new LogThrottle(time, TimeSpan.FromSeconds(10));

        Assert.True(throttle.TryEnter(out var suppressed));
        Assert.Equal(0, suppressed);
        Assert.False(throttle.TryEnter(out _));
        Assert.False(throttle.TryEnter(out _));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(throttle.TryEnter(out suppressed));
        Assert.Equal(2, suppressed);
    }

    [Fact]
    public void The_window_starts_at_the_entry_that_got_through()
    {
        var time = new FakeTimeProvider();
        var throttle = new LogThrottle(time, TimeSpan.FromSeconds(10));

        Assert.True(throttle.TryEnter(out _));
        time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.False(throttle.TryEnter(out _));
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(throttle.TryEnter(out var suppressed));
        Assert.Equal(1, suppressed);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(throttle.TryEnter(out _));
    }
}
