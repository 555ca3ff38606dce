using CandleDashboard.Core.Market;
using CandleDashboard.Web.Chart;
using CandleDashboard.Web.Options;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Tests.Unit;

/// <summary>The chart URL against the default catalog (the rules themselves: SeriesCatalogTests).</summary>
public sealed class ChartRouteTests
{
    private static readonly DashboardOptions Options = new();
    private static readonly Venue Binance = TestVenue.Create(symbols: Options.EffectiveSymbols, intervals: Options.EffectiveIntervals);
    private static readonly Venue Kraken = TestVenue.Create(id: "kraken", isDefault: false, symbols: ["BTCUSD", "ETHUSD"], intervals: Options.EffectiveIntervals);

    [Fact]
    public void Offered_symbol_and_interval_resolve()
    {
        var route = ChartRoute.Resolve(Binance, "BTCUSDT", "15s");
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
        var route = ChartRoute.Resolve(Binance, symbol, interval);
        Assert.True(route.IsValid);
        Assert.Equal(path, route.Path);
    }

    [Fact]
    public void Upper_case_M_is_not_read_as_minutes()
    {
        var route = ChartRoute.Resolve(Binance, "BTCUSDT", "1M");
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
        var route = ChartRoute.Resolve(Binance, symbol, "1m");
        Assert.Equal(problem, route.Problem);
        Assert.True(route.Check.IsSymbolProblem);
        Assert.Equal(Interval.OneMinute, route.Interval);
    }

    [Fact]
    public void Valid_interval_that_is_not_offered_is_refused_with_the_offered_ones()
    {
        var route = ChartRoute.Resolve(Binance, "BTCUSDT", "3m");
        Assert.Equal(SeriesProblem.IntervalNotOffered, route.Problem);
        Assert.Contains("not offered", route.Message);
        Assert.Contains("15s, 30s, 1m, 5m, 15m, 1h, 4h, 1d", route.Message);
    }

    [Theory]
    [InlineData("btcusd", "1m", "/chart/kraken/BTCUSD/1m")]
    [InlineData("ETHUSD", "4h", "/chart/kraken/ETHUSD/4h")]
    public void Another_venue_s_chart_carries_its_id_first(string symbol, string interval, string path)
    {
        var route = ChartRoute.Resolve(Kraken, symbol, interval);
        Assert.True(route.IsValid);
        Assert.Equal(path, route.Path);
    }

    [Fact]
    public void A_symbol_is_checked_against_its_own_venue()
    {
        // BTCUSDT is Binance's: on Kraken it is an unknown symbol, not a chart of the other venue.
        var route = ChartRoute.Resolve(Kraken, "BTCUSDT", "1m");
        Assert.Equal(SeriesProblem.UnknownSymbol, route.Problem);
        Assert.True(ChartRoute.Resolve(Binance, "BTCUSDT", "1m").IsValid);
    }

    [Fact]
    public void Very_long_input_is_not_echoed_in_full()
    {
        var route = ChartRoute.Resolve(Binance, new string('A', 500), "1m");
        Assert.Equal(SeriesProblem.InvalidSymbol, route.Problem);
        Assert.True(route.Message.Length < 200, route.Message);
    }
}
