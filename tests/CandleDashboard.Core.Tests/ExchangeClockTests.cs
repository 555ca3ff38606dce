using CandleDashboard.Core.Exchange;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Core.Tests;

public class ExchangeClockTests
{
    private static readonly DateTimeOffset Sent = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_measured_skew_moves_the_clock_by_the_midpoint_rule()
    {
        var local = new FakeTimeProvider(Sent);
        var clock = new ExchangeClock(local);

        clock.Observe(Sent + TimeSpan.FromMilliseconds(5_010), Sent, Sent + TimeSpan.FromMilliseconds(20));

        Assert.Equal(TimeSpan.FromSeconds(5), clock.Offset);
        Assert.Equal(Sent + TimeSpan.FromSeconds(5), clock.GetUtcNow());
        Assert.True(clock.Synchronized.IsCompletedSuccessfully);
    }

    [Fact]
    public void A_difference_within_the_round_trip_is_noise_and_leaves_the_local_clock()
    {
        var clock = new ExchangeClock(new FakeTimeProvider(Sent));

        // The server read its clock 3 ms after the midpoint of a 4 ms round trip: the clocks may agree.
        clock.Observe(Sent + TimeSpan.FromMilliseconds(5), Sent, Sent + TimeSpan.FromMilliseconds(4));

        Assert.Equal(TimeSpan.Zero, clock.Offset);
        Assert.True(clock.Synchronized.IsCompletedSuccessfully);
    }
}
