using CandleDashboard.Core.Market;
using static CandleDashboard.Core.Tests.TestTrades;

namespace CandleDashboard.Core.Tests;

public class BucketingTests
{
    public static TheoryData<string> Codes() => new(Interval.All.Select(i => i.Code));

    [Theory]
    [MemberData(nameof(Codes))]
    public void Exact_boundary_starts_a_bucket_and_the_millisecond_before_belongs_to_the_previous(string code)
    {
        var interval = Interval.Parse(code);
        var boundary = Midnight + (7 * interval.Milliseconds);

        Assert.Equal(boundary, interval.Floor(boundary));
        Assert.Equal(boundary, interval.Floor(boundary + interval.Milliseconds - 1));
        Assert.Equal(boundary - interval.Milliseconds, interval.Floor(boundary - 1));
    }

    [Fact]
    public void One_day_starts_at_midnight_utc()
    {
        var lateEvening = DateTimeOffset.Parse("2024-03-10T23:59:59.999Z").ToUnixTimeMilliseconds();
        Assert.Equal(DateTimeOffset.Parse("2024-03-10T00:00:00Z").ToUnixTimeMilliseconds(), Interval.OneDay.Floor(lateEvening));
    }

    [Fact]
    public void Four_hours_start_at_multiples_of_four_hours_utc()
    {
        var t = DateTimeOffset.Parse("2024-03-10T07:30:00Z").ToUnixTimeMilliseconds();
        Assert.Equal(DateTimeOffset.Parse("2024-03-10T04:00:00Z").ToUnixTimeMilliseconds(), Interval.FourHours.Floor(t));
    }

    [Fact]
    public void Times_before_1970_floor_downwards()
    {
        Assert.Equal(-60_000, Interval.OneMinute.Floor(-1));
        Assert.Equal(-60_000, Interval.OneMinute.Floor(-60_000));
    }
}
