using CandleDashboard.Core.Market;
using CandleDashboard.Web.Options;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Tests.Unit;

public sealed class DashboardOptionsTests
{
    [Fact]
    public void Defaults_chart_four_symbols_on_one_minute()
    {
        var options = new DashboardOptions();
        Assert.Equal(["BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT"], options.EffectiveSymbols);
        Assert.Equal(Interval.Defaults, options.EffectiveIntervals);
        Assert.Equal(300, options.HistoryCandles);
        Assert.Equal("/chart/BTCUSDT/1m", DirectoryFor(options).DefaultChartPath);
    }

    [Fact]
    public void Configured_lists_are_normalized_and_sorted()
    {
        var options = new DashboardOptions { Symbols = ["solusdt", "BTCUSDT", "SOLUSDT"], Intervals = ["1h", "15s"], DefaultSymbol = "btcusdt", DefaultInterval = "1h" };
        Assert.Equal(["SOLUSDT", "BTCUSDT"], options.EffectiveSymbols);
        Assert.Equal([Interval.FifteenSeconds, Interval.OneHour], options.EffectiveIntervals);
        Assert.Equal("/chart/BTCUSDT/1h", DirectoryFor(options).DefaultChartPath);
    }

    [Fact]
    public void Defaults_not_offered_fall_back_to_what_is()
    {
        var options = new DashboardOptions { Symbols = ["ETHUSDT"], Intervals = ["5m", "1h"], DefaultSymbol = "BTCUSDT", DefaultInterval = "1m" };
        Assert.Equal("/chart/ETHUSDT/5m", DirectoryFor(options).DefaultChartPath);
    }

    [Fact]
    public void Validator_reports_every_mistake_readably()
    {
        var result = new DashboardOptionsValidator().Validate(null, new DashboardOptions
        {
            Symbols = ["BTC/USDT"],
            Intervals = ["7x"],
            HistoryCandles = 0,
            DefaultInterval = "2w",
        });

        Assert.True(result.Failed);
        var failures = result.Failures!.ToArray();
        Assert.Equal(4, failures.Length);
        Assert.Contains(failures, f => f.Contains("'BTC/USDT'"));
        Assert.Contains(failures, f => f.Contains("'7x'") && f.Contains("Supported intervals"));
        Assert.Contains(failures, f => f.Contains("HistoryCandles"));
        Assert.Contains(failures, f => f.Contains("'2w'"));
    }

    // The default chart is the default venue's, built from these options as the app builds it.
    private static VenueDirectory DirectoryFor(DashboardOptions options) => new(
        [TestVenue.Create(symbols: options.EffectiveSymbols, intervals: options.EffectiveIntervals)],
        options.DefaultSymbol,
        options.DefaultInterval);

    [Fact]
    public void Validator_accepts_the_defaults()
    {
        Assert.True(new DashboardOptionsValidator().Validate(null, new DashboardOptions()).Succeeded);
    }
}
