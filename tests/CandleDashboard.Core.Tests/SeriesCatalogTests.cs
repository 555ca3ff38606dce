using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Tests;

/// <summary>The one set of series rules behind the chart route, the REST API and the hub.</summary>
public sealed class SeriesCatalogTests
{
    private readonly SeriesCatalog _catalog = new(["BTCUSDT", "ETHUSDT"], [Interval.FifteenSeconds, Interval.OneMinute, Interval.OneHour]);

    [Theory]
    [InlineData("BTCUSDT", "1m", "BTCUSDT", "1m")]
    [InlineData(" btcusdt ", "15s", "BTCUSDT", "15s")]
    [InlineData("ethusdt", "1H", "ETHUSDT", "1h")] // a wrong-case hour cannot be misread
    public void Served_series_are_accepted_normalized(string symbol, string interval, string expectedSymbol, string expectedInterval)
    {
        var check = _catalog.Check(symbol, interval);
        Assert.True(check.IsValid, check.Message);
        Assert.Equal(new Series(expectedSymbol, Interval.Parse(expectedInterval)), check.Series);
    }

    [Theory]
    [InlineData(null, "1m", SeriesProblem.MissingSymbol, "Symbol is required (e.g. BTCUSDT).")]
    [InlineData(" ", "1m", SeriesProblem.MissingSymbol, "Symbol is required (e.g. BTCUSDT).")]
    [InlineData("BTC/USDT", "1m", SeriesProblem.InvalidSymbol, "Symbol 'BTC?USDT' is not valid: expected 2-20 letters or digits, e.g. BTCUSDT.")]
    [InlineData("<script>", "1m", SeriesProblem.InvalidSymbol, "Symbol '?script?' is not valid: expected 2-20 letters or digits, e.g. BTCUSDT.")]
    [InlineData("SOLUSDT", "1m", SeriesProblem.UnknownSymbol, "Unknown symbol 'SOLUSDT'. Available symbols: BTCUSDT, ETHUSDT.")]
    [InlineData("BTCUSDT", null, SeriesProblem.MissingInterval, "Interval is required. Available intervals: 15s, 1m, 1h.")]
    [InlineData("BTCUSDT", "7x", SeriesProblem.UnknownInterval, "Unknown interval '7x'. Available intervals: 15s, 1m, 1h.")]
    [InlineData("BTCUSDT", "1M", SeriesProblem.UnknownInterval, "Unknown interval '1M'. Available intervals: 15s, 1m, 1h.")] // a month, never a minute
    [InlineData("BTCUSDT", "5m", SeriesProblem.IntervalNotOffered, "Interval '5m' is not offered here. Available intervals: 15s, 1m, 1h.")]
    public void Problems_say_what_is_wrong(string? symbol, string? interval, SeriesProblem problem, string message)
    {
        var check = _catalog.Check(symbol, interval);
        Assert.False(check.IsValid);
        Assert.Equal((problem, message), (check.Problem, check.Message));
        Assert.Throws<InvalidOperationException>(() => check.Series);
    }

    [Fact]
    public void The_symbol_is_checked_first_and_a_good_interval_is_kept_for_suggestions()
    {
        var check = _catalog.Check("DOGEUSDT", "1h");
        Assert.Equal(SeriesProblem.UnknownSymbol, check.Problem);
        Assert.True(check.IsSymbolProblem);
        Assert.Equal(Interval.OneHour, check.Interval);

        Assert.Null(_catalog.Check("DOGEUSDT", "5m").Interval); // not offered: nothing to keep
    }

    [Fact]
    public void Long_input_is_echoed_cut_short()
    {
        var check = _catalog.Check(new string('x', 100_000), "1m");
        Assert.Equal($"Symbol '{new string('x', 32)}…' is not valid: expected 2-20 letters or digits, e.g. BTCUSDT.", check.Message);
        Assert.Equal($"Unknown interval '{new string('1', 32)}…'. Available intervals: 15s, 1m, 1h.", _catalog.Check("BTCUSDT", new string('1', 500)).Message);
    }

    [Fact]
    public void A_catalog_offers_something()
    {
        Assert.Throws<ArgumentException>(() => new SeriesCatalog([], [Interval.OneMinute]));
        Assert.Throws<ArgumentException>(() => new SeriesCatalog(["BTCUSDT"], []));
    }
}
