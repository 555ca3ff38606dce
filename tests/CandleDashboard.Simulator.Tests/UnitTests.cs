using CandleDashboard.Simulator.Market;
using CandleDashboard.Simulator.Streaming;

namespace CandleDashboard.Simulator.Tests;

/// <summary>The small pure pieces: fixed-point text, stream names, the command line.</summary>
public sealed class UnitTests
{
    [Theory]
    [InlineData("27000.12", "27000.12000000")]
    [InlineData("0.00001", "0.00001000")]
    [InlineData("0", "0.00000000")]
    public void Fixed_point_round_trips_binance_text(string input, string binance)
    {
        Assert.True(FixedPoint.TryParse(input, out var units));
        Assert.Equal(binance, FixedPoint.Format(units));
        Assert.Equal(decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture), FixedPoint.ToDecimal(units));
        Span<byte> utf8 = stackalloc byte[32];
        Assert.Equal(binance, System.Text.Encoding.ASCII.GetString(utf8[..FixedPoint.WriteUtf8(utf8, units)]));
    }

    [Fact]
    public void Quote_volume_keeps_exact_digits_beyond_eight_only_when_needed()
    {
        Assert.Equal("2599.95557870", FixedPoint.FormatQuote((Int128)FixedPoint.FromDecimal(29022.22m) * FixedPoint.FromDecimal(0.089585m)));
        Assert.Equal("0.0000000001", FixedPoint.FormatQuote((Int128)FixedPoint.FromDecimal(0.01m) * FixedPoint.FromDecimal(0.00000001m)));
    }

    [Theory]
    [InlineData("btcusdt@trade", true)]
    [InlineData("btcusdt@aggTrade", true)]
    [InlineData("BTCUSDT@trade", false)]
    [InlineData("btcusdt@aggtrade", false)]
    [InlineData("btcusdt@kline_1m", true)]
    [InlineData("btcusdt@kline_15s", false)]
    [InlineData("btcusdt@depth", false)]
    [InlineData("@trade", false)]
    [InlineData("btcusdt", false)]
    public void Stream_names_follow_binance_spelling(string text, bool valid)
    {
        Assert.Equal(valid, StreamName.TryParse(text, out var name));
        if (valid)
        {
            Assert.Equal(text, name.ToString());
            Assert.Equal("BTCUSDT", name.Symbol);
        }
    }

    [Fact]
    public void Command_line_sets_every_option()
    {
        Assert.True(SimulatorCommandLine.TryParse(
            ["--port", "9555", "--rate", "35", "--burst", "--seed", "9", "--symbols", "BTCUSDT,ethusdt", "--replay", "x.csv", "--speed", "4"],
            out var options, out var error), error);

        Assert.Equal(9555, options.Port);
        Assert.Equal(35, options.TradesPerSecondPerSymbol);
        Assert.True(options.Burst);
        Assert.Equal(9, options.Seed);
        Assert.Equal(["BTCUSDT", "ethusdt"], options.Symbols);
        Assert.Equal("x.csv", options.ReplayFile);
        Assert.Equal(4, options.ReplaySpeed);
        Assert.False(SimulatorCommandLine.TryParse(["--nope"], out _, out _));
        Assert.False(SimulatorCommandLine.TryParse(["--port", "x"], out _, out _));
    }
}
