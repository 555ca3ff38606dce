using CandleDashboard.Core.Market;
using CandleDashboard.Web.Chart;
using CandleDashboard.Web.Options;

namespace CandleDashboard.Web.Tests.Unit;

/// <summary>The chart URL against the default catalog (the rules themselves: SeriesCatalogTests).</summary>
public sealed class ChartRouteTests
{
    private static readonly DashboardOptions Options = new();
    private static readonly SeriesCatalog Catalog = new(Options.EffectiveSymbols, Options.EffectiveIntervals);

    [Fact]
    public void Offered_symbol_and_interval_resolve()
    {
        var route = ChartRoute.Resolve("BTCUSDT", "15s", Catalog);
        Assert.True(route.IsValid);
        Assert.Equal("BTCUSDT", route.Symbol);
        Assert.Equal(Interval.FifteenSeconds, route.Interval);
        Assert.Equal("/chart/BTCUSDT/15s", route.Path);
    }

    [Theory]
    [InlineData("btcusdt", "1H", "/chart/BTCUSDT/1h")]
    [InlineData(" ethusdt ", "1d", "/chart/ETHUSDT/1d")]
    public void Case_is_normalized_where_unambiguous(string symbol, string interval, string path)
    {
        var route = ChartRoute.Resolve(symbol, interval, Catalog);
        Assert.True(route.IsValid);
        Assert.Equal(path, route.Path);
    }

    [Fact]
    public void Upper_case_M_is_not_read_as_minutes()
    {
        var route = ChartRoute.Resolve("BTCUSDT", "1M", Catalog);
        Assert.Equal(SeriesProblem.UnknownInterval, route.Problem);
        Assert.Contains("Unknown interval '1M'", route.Message);
    }

    [Theory]
    [InlineData("DOGEXYZ", SeriesProblem.UnknownSymbol)]
    [InlineData("BTC-USDT", SeriesProblem.InvalidSymbol)]
    [InlineData("", SeriesProblem.MissingSymbol)]
    [InlineData(null, SeriesProblem.MissingSymbol)]
    public void Unknown_or_malformed_symbols_are_symbol_problems_that_keep_the_interval(string? symbol, SeriesProblem problem)
    {
        var route = ChartRoute.Resolve(symbol, "1m", Catalog);
        Assert.Equal(problem, route.Problem);
        Assert.True(route.Check.IsSymbolProblem);
        Assert.Equal(Interval.OneMinute, route.Interval);
    }

    [Fact]
    public void Valid_interval_that_is_not_offered_is_refused_with_the_offered_ones()
    {
        var route = ChartRoute.Resolve("BTCUSDT", "3m", Catalog);
        Assert.Equal(SeriesProblem.IntervalNotOffered, route.Problem);
        Assert.Contains("not offered", route.Message);
        Assert.Contains("15s, 30s, 1m, 5m, 15m, 1h, 4h, 1d", route.Message);
    }

    [Fact]
    public void Very_long_input_is_not_echoed_in_full()
    {
        var route = ChartRoute.Resolve(new string('A', 500), "1m", Catalog);
        Assert.Equal(SeriesProblem.InvalidSymbol, route.Problem);
        Assert.True(route.Message.Length < 200, route.Message);
    }
}
