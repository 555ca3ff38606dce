using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Tests;

public class IntervalTests
{
    [Theory]
    [InlineData("15s", 15_000L)]
    [InlineData("30s", 30_000L)]
    [InlineData("1m", 60_000L)]
    [InlineData("5m", 300_000L)]
    [InlineData("15m", 900_000L)]
    [InlineData("1h", 3_600_000L)]
    [InlineData("4h", 14_400_000L)]
    [InlineData("1d", 86_400_000L)]
    public void Parses_exchange_spelling(string code, long ms)
    {
        var interval = Interval.Parse(code);
        Assert.Equal(code, interval.Code);
        Assert.Equal(ms, interval.Milliseconds);
    }

    [Theory]
    [InlineData("1M")]
    [InlineData("60s")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1w")]
    public void Unknown_interval_text_gives_a_clear_error(string? code)
    {
        Assert.False(Interval.TryParse(code, out _));
        var ex = Assert.Throws<FormatException>(() => Interval.Parse(code));
        Assert.Contains("Unknown interval", ex.Message);
        Assert.Contains("1m", ex.Message);
    }
}
