using CandleDashboard.Core.Exchange;
using System.Text;
using CandleDashboard.Core.Market;
using CandleDashboard.Exchange.Binance.Parsing;

namespace CandleDashboard.Exchange.Binance.Tests.Parsing;

public sealed class RestParsersTests
{
    // Two rows in the exact shape of GET /api/v3/klines; the second is still forming at "now".
    private const string Klines = """
        [
          [1499040000000,"0.01634790","0.80000000","0.01575800","0.01577100","148976.11427815",1499040059999,"2434.19055334",308,"1756.87402397","28.46694368","0"],
          [1499040060000,"0.01577100","0.01600000","0.01570000","0.01590000","10.5",1499040119999,"0.166",3,"1","0.0159","0"]
        ]
        """;

    [Fact]
    public void Kline_rows_become_official_candles()
    {
        var candles = BinanceKlineParser.Parse(Encoding.UTF8.GetBytes(Klines), nowMs: 1499040060500);

        Assert.Equal(2, candles.Count);
        Assert.Equal(
            new Candle(1499040000000, 0.0163479m, 0.8m, 0.015758m, 0.015771m, 148976.11427815m, 2434.19055334m, 308, true, CandleSource.Official),
            candles[0]);
        Assert.False(candles[1].IsClosed);
        Assert.Equal(3, candles[1].TradeCount);
    }

    [Fact]
    public void Candle_closes_once_its_close_time_has_passed()
    {
        var candles = BinanceKlineParser.Parse(Encoding.UTF8.GetBytes(Klines), nowMs: 1499040120000);

        Assert.All(candles, c => Assert.True(c.IsClosed));
    }

    [Fact]
    public void Empty_array_is_no_candles() => Assert.Empty(BinanceKlineParser.Parse("[]"u8, 0));

    [Theory]
    [InlineData("""{"code":-1121,"msg":"Invalid symbol."}""")]
    [InlineData("""[[1,"a","1","1","1","1",2,"1",1]]""")]
    [InlineData("""[[1,"1","1"]]""")]
    [InlineData("[[")]
    public void Unexpected_klines_body_is_a_format_error(string json) =>
        Assert.Throws<FormatException>(() => BinanceKlineParser.Parse(Encoding.UTF8.GetBytes(json), 0));

    [Fact]
    public void ExchangeInfo_lists_every_symbol_with_status_tick_and_lot_size()
    {
        const string json = """
            {"timezone":"UTC","serverTime":1,"rateLimits":[{"rateLimitType":"REQUEST_WEIGHT","limit":6000}],
             "symbols":[
               {"symbol":"ETHBTC","status":"TRADING","baseAsset":"ETH","filters":[{"filterType":"PRICE_FILTER","minPrice":"0.00001000","maxPrice":"922327.00000000","tickSize":"0.00001000"},{"filterType":"LOT_SIZE","minQty":"0.00010000","stepSize":"0.00010000"},{"filterType":"NOTIONAL","minNotional":"0.00010000"}],"permissions":["SPOT"]},
               {"symbol":"LUNAUSDT","status":"BREAK","filters":[]},
               {"status":"END_OF_DAY","symbol":"BTCUSDT"},
               {"symbol":"bad symbol!","status":"TRADING"}
             ]}
            """;

        var symbols = BinanceExchangeInfoParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(
            [
                new SymbolInfo("ETHBTC", SymbolStatus.Trading, 0.00001m, 0.0001m),
                new SymbolInfo("LUNAUSDT", SymbolStatus.Halted, 0m, 0m),
                new SymbolInfo("BTCUSDT", SymbolStatus.Closed, 0m, 0m),
            ],
            symbols);
        Assert.Equal((5, 4), (symbols[0].PriceDecimals, symbols[0].QuantityDecimals));
    }

    [Fact]
    public void ExchangeInfo_without_symbols_is_malformed()
    {
        Assert.Throws<FormatException>(() => BinanceExchangeInfoParser.Parse("""{"timezone":"UTC"}"""u8));
        Assert.Throws<FormatException>(() => BinanceExchangeInfoParser.Parse("<html>"u8));
    }

    [Fact]
    public void Error_body_is_read()
    {
        Assert.True(BinanceErrorBodyParser.TryParse("""{"code":-1121,"msg":"Invalid symbol."}"""u8, out var code, out var message));
        Assert.Equal(-1121, code);
        Assert.Equal("Invalid symbol.", message);
        Assert.False(BinanceErrorBodyParser.TryParse("<html>502</html>"u8, out _, out _));
    }
}
