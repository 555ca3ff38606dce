using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Web.Chart;

namespace CandleDashboard.Web.Tests.Unit;

public sealed class OfficialUpdateFilterTests
{
    private static readonly DataUpdated Message = new("simulator", "BTCUSDT", "1m", 0, 120_000, 3);

    [Fact]
    public void A_commit_of_the_charted_series_concerns_the_chart()
    {
        Assert.True(OfficialUpdateFilter.Concerns(Message, "simulator", "BTCUSDT", Interval.OneMinute));
    }

    [Theory]
    [InlineData("binance", "BTCUSDT", "1m")]   // another instance's exchange on a shared Redis
    [InlineData("simulator", "ETHUSDT", "1m")]
    [InlineData("simulator", "BTCUSDT", "5m")]
    [InlineData("simulator", "BTCUSDT", "1M")] // month, not minute
    public void Commits_of_other_series_are_ignored(string exchange, string symbol, string interval)
    {
        Assert.False(OfficialUpdateFilter.Concerns(Message with { Exchange = exchange, Symbol = symbol, Interval = interval }, "simulator", "BTCUSDT", Interval.OneMinute));
    }

    [Fact]
    public void Empty_or_inverted_ranges_are_ignored()
    {
        Assert.False(OfficialUpdateFilter.Concerns(Message with { Count = 0 }, "simulator", "BTCUSDT", Interval.OneMinute));
        Assert.False(OfficialUpdateFilter.Concerns(Message with { From = 180_000 }, "simulator", "BTCUSDT", Interval.OneMinute));
    }
}
