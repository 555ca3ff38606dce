using CandleDashboard.Core.Market;
using CandleDashboard.Web.Hubs;
using CandleDashboard.Web.Options;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Hub.Tests;

public sealed class SeriesRequestValidatorTests
{
    private readonly SeriesRequestValidator _validator = new(Options.Create(new DashboardOptions
    {
        Symbols = ["BTCUSDT", "ethusdt"],
        Intervals = ["1m", "15s"],
    }));

    [Theory]
    [InlineData("BTCUSDT", "1m", "BTCUSDT")]
    [InlineData(" btcusdt ", "15s", "BTCUSDT")]
    [InlineData("ETHUSDT", "1m", "ETHUSDT")]
    public void Configured_series_are_accepted_normalized(string symbol, string interval, string expected)
    {
        var series = _validator.Validate(symbol, interval);
        Assert.Equal(expected, series.Symbol);
        Assert.Equal(interval, series.Interval.Code);
        Assert.Equal($"candles:{expected}:{interval}", series.GroupName);
    }

    [Theory]
    [InlineData(null, "1m", "Symbol is required (e.g. BTCUSDT).")]
    [InlineData(" ", "1m", "Symbol is required (e.g. BTCUSDT).")]
    [InlineData("BTC/USDT", "1m", "Invalid symbol 'BTC/USDT': use 2-20 letters or digits (e.g. BTCUSDT).")]
    [InlineData("SOLUSDT", "1m", "Unknown symbol 'SOLUSDT'. Available symbols: BTCUSDT, ETHUSDT.")]
    [InlineData("BTCUSDT", null, "Interval is required. Available intervals: 15s, 1m.")]
    [InlineData("BTCUSDT", "5m", "Unknown interval '5m'. Available intervals: 15s, 1m.")]
    [InlineData("BTCUSDT", "1M", "Unknown interval '1M'. Available intervals: 15s, 1m.")]
    public void Refusals_say_what_is_wrong(string? symbol, string? interval, string expected)
    {
        var ex = Assert.Throws<HubException>(() => _validator.Validate(symbol, interval));
        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Long_input_is_echoed_cut_short()
    {
        var ex = Assert.Throws<HubException>(() => _validator.Validate(new string('x', 100_000), "1m"));
        Assert.Equal($"Invalid symbol '{new string('x', 32)}…': use 2-20 letters or digits (e.g. BTCUSDT).", ex.Message);
    }

    [Fact]
    public void Candle_messages_carry_exact_decimals_as_strings()
    {
        var candle = new Candle(1_700_000_010_000, 64123.45m, 64200.10m, 64000m, 64150.00012345m, 0.00012m, 7.6954080m, 12, true, CandleSource.Official);
        var message = CandleMessage.From(new CandleUpdate("BTCUSDT", Interval.FifteenSeconds, candle), 42);

        Assert.Equal(
            new CandleMessage("BTCUSDT", "15s", 1_700_000_010_000, "64123.45", "64200.10", "64000", "64150.00012345", "0.00012", "7.6954080", 12, true, "official", 42),
            message);
    }
}
