using System.Globalization;
using System.Text;
using CandleDashboard.Core.Import;

namespace CandleDashboard.Import.Tests;

public sealed class TradeLineParserTests
{
    [Theory]
    [InlineData("29023.66000000")]
    [InlineData("0.00278800")]
    [InlineData("105433.60000")]
    [InlineData("1")]
    [InlineData("0.1")]
    [InlineData("-12.50")]
    [InlineData("1234567890123456789")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("123456789012345.123456789")]
    public void Decimals_are_exact_and_keep_the_texts_scale(string text)
    {
        Assert.True(TradeLineParser.TryParseDecimal(Encoding.ASCII.GetBytes(text), out var value));
        var expected = decimal.Parse(text, CultureInfo.InvariantCulture);
        Assert.Equal(expected, value);
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), value.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.2.3")]
    [InlineData("1e5")]
    [InlineData("abc")]
    [InlineData(".")]
    public void Not_a_decimal(string text) => Assert.False(TradeLineParser.TryParseDecimal(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void A_binance_line_in_milliseconds_and_in_microseconds_is_the_same_trade()
    {
        var ms = "536837317,29023.66000000,0.00278800,80.91796408,1609462631341,True,True"u8;
        var us = "536837317,29023.66000000,0.00278800,80.91796408,1609462631341999,True,True\r"u8;
        Assert.Equal(LineKind.Trade, TradeLineParser.Parse(TradeFileFormat.Binance, ms, 7, "BTCUSDT", out var a, out _));
        Assert.Equal(LineKind.Trade, TradeLineParser.Parse(TradeFileFormat.Binance, us, 7, "BTCUSDT", out var b, out _));
        Assert.Equal(a, b);
        Assert.Equal(536837317, a.TradeId);
        Assert.Equal(29023.66000000m, a.Price);
        Assert.Equal("0.00278800", a.Quantity.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(1609462631341, a.Time);
        Assert.True(a.IsBuyerMaker);
    }

    [Fact]
    public void A_header_on_the_first_line_is_skipped_and_elsewhere_is_malformed()
    {
        var header = "trade_id,price,qty,quote_qty,time,is_buyer_maker,is_best_match"u8;
        Assert.Equal(LineKind.Skipped, TradeLineParser.Parse(TradeFileFormat.Binance, header, 1, "BTCUSDT", out _, out _));
        Assert.Equal(LineKind.Malformed, TradeLineParser.Parse(TradeFileFormat.Binance, header, 2, "BTCUSDT", out _, out var problem));
        Assert.Equal("trade_id is not a whole number", problem);
        Assert.Equal(LineKind.Skipped, TradeLineParser.Parse(TradeFileFormat.Kraken, "timestamp,price,volume"u8, 1, "XBTUSDT", out _, out _));
        Assert.Equal(LineKind.Skipped, TradeLineParser.Parse(TradeFileFormat.Kraken, ""u8, 9, "XBTUSDT", out _, out _));
    }

    [Theory]
    [InlineData("1762795433.9717445", 1762795433971)]
    [InlineData("1762795433", 1762795433000)]
    [InlineData("1762795433.5", 1762795433500)]
    [InlineData("1762795433.0999999", 1762795433099)]
    public void Kraken_seconds_become_milliseconds_truncated(string time, long expected)
    {
        var line = Encoding.ASCII.GetBytes($"{time},105433.60000,0.00027625");
        Assert.Equal(LineKind.Trade, TradeLineParser.Parse(TradeFileFormat.Kraken, line, 42, "XBTUSDT", out var trade, out _));
        Assert.Equal(expected, trade.Time);
        Assert.Equal(42, trade.TradeId); // no trade id in the file: the line number stands in
        Assert.Equal("105433.60000", trade.Price.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(0.00027625m, trade.Quantity);
    }

    [Theory]
    [InlineData("536837317,abc,0.1,1,1609462631341,True,True", "price is not a positive decimal")]
    [InlineData("536837317,1,0,1,1609462631341,True,True", "qty is not a positive decimal")]
    [InlineData("536837317,1,0.1", "expected trade_id,price,qty,quote_qty,time,is_buyer_maker[,is_best_match]")]
    [InlineData("536837317,1,0.1,1,16094626x1341,True,True", "time is not a positive whole number")]
    [InlineData("536837317,1,0.1,1,1609462631341,Maybe,True", "is_buyer_maker is not True or False")]
    public void Malformed_binance_lines_say_why(string line, string problem)
    {
        Assert.Equal(LineKind.Malformed, TradeLineParser.Parse(TradeFileFormat.Binance, Encoding.ASCII.GetBytes(line), 3, "BTCUSDT", out _, out var why));
        Assert.Equal(problem, why);
    }
}
