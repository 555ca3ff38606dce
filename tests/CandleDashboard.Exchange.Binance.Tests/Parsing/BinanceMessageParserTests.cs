using System.Text;
using CandleDashboard.Exchange.Binance.Parsing;
using CandleDashboard.Exchange.Binance.Tests.Infrastructure;

namespace CandleDashboard.Exchange.Binance.Tests.Parsing;

public sealed class BinanceMessageParserTests
{
    private readonly BinanceMessageParser _parser = new(new SymbolTable(["BTCUSDT", "ETHUSDT"]));

    private BinanceFrame Parse(string json) => _parser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Combined_trade_frame_becomes_a_trade_with_exact_decimals()
    {
        var frame = Parse(BinanceJson.Trade("BTCUSDT", 5_000_000_001, "43210.12345678", "0.00012000", 1_700_000_000_123, buyerMaker: true));

        Assert.Equal(BinanceFrameKind.Trade, frame.Kind);
        Assert.Equal(0, frame.SymbolIndex);
        Assert.Equal("BTCUSDT", frame.Trade.Symbol);
        Assert.Equal(5_000_000_001, frame.Trade.TradeId);
        Assert.Equal(43210.12345678m, frame.Trade.Price);
        Assert.Equal(0.00012m, frame.Trade.Quantity);
        Assert.Equal(1_700_000_000_123, frame.Trade.Time);
        Assert.True(frame.Trade.IsBuyerMaker);
    }

    [Fact]
    public void Raw_aggTrade_frame_uses_the_aggregate_id()
    {
        var frame = Parse(BinanceJson.RawAggTrade("ETHUSDT", 77, "2000.5", "3", 1_700_000_000_000));

        Assert.Equal(BinanceFrameKind.Trade, frame.Kind);
        Assert.Equal(1, frame.SymbolIndex);
        Assert.Equal(77, frame.Trade.TradeId);
        Assert.Equal(2000.5m, frame.Trade.Price);
        Assert.False(frame.Trade.IsBuyerMaker);
    }

    [Fact]
    public void Field_order_does_not_matter()
    {
        var frame = Parse("""{"data":{"T":5,"q":"1","p":"2","t":9,"s":"ETHUSDT","m":false,"e":"trade"},"stream":"ethusdt@trade"}""");

        Assert.Equal(BinanceFrameKind.Trade, frame.Kind);
        Assert.Equal(new CandleDashboard.Core.Market.Trade("ETHUSDT", 9, 2m, 1m, 5, false), frame.Trade);
    }

    [Fact]
    public void Escaped_strings_are_unescaped_not_rejected()
    {
        var frame = Parse("""{"e":"trade","s":"BTC\u0055SDT","t":1,"p":"1\u002e5","q":"2","T":3,"m":true}""");

        Assert.Equal(BinanceFrameKind.Trade, frame.Kind);
        Assert.Equal("BTCUSDT", frame.Trade.Symbol);
        Assert.Equal(1.5m, frame.Trade.Price);
    }

    [Theory]
    [InlineData("""{"result":null,"id":1}""")]
    [InlineData("""{"result":["btcusdt@trade"],"id":3}""")]
    public void Subscription_replies_are_recognised(string json) =>
        Assert.Equal(BinanceFrameKind.SubscriptionResponse, Parse(json).Kind);

    [Theory]
    [InlineData("""{"code":2,"msg":"Invalid request: unknown stream","id":1}""", 2, "Invalid request: unknown stream")]
    [InlineData("""{"error":{"code":1,"msg":"Invalid value type"},"id":5}""", 1, "Invalid value type")]
    public void Error_frames_carry_code_and_message(string json, int code, string message)
    {
        var frame = Parse(json);

        Assert.Equal(BinanceFrameKind.Error, frame.Kind);
        Assert.Equal(code, frame.ErrorCode);
        Assert.Equal(message, frame.Detail);
    }

    [Theory]
    [InlineData("""{"stream":"btcusdt@depth","data":{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":1,"u":2,"b":[["1","2"]],"a":[]}}""")]
    [InlineData("""{"stream":"btcusdt@kline_1m","data":{"e":"kline","E":1,"s":"BTCUSDT","k":{"t":1,"s":"BTCUSDT","o":"1"}}}""")]
    [InlineData("""{"u":400900217,"s":"BTCUSDT","b":"25.35190000","B":"31.21000000","a":"25.36520000","A":"40.66000000"}""")]
    [InlineData("""{"e":"24hrTicker","s":"BTCUSDT","p":"1"}""")]
    [InlineData("""{}""")]
    public void Other_events_are_skipped_not_malformed(string json) =>
        Assert.Equal(BinanceFrameKind.Skipped, Parse(json).Kind);

    [Fact]
    public void Trade_of_an_unsubscribed_symbol_is_skipped() =>
        Assert.Equal(BinanceFrameKind.Skipped, Parse(BinanceJson.Trade("DOGEUSDT", 1, "0.1", "10", 1)).Kind);

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    [InlineData("\"text\"")]
    [InlineData("""{"e":"trade","s":"BTCUSDT","t":1,"p":"1","q":"1","T":1""")] // truncated
    [InlineData("""{"e":"trade","s":"BTCUSDT","t":1,"p":"1","q":"1","T":1}{"x":1}""")] // two values
    [InlineData("""{"e":"trade","s":"BTCUSDT","t":1,"q":"1","T":1}""")] // no price
    [InlineData("""{"e":"trade","s":"BTCUSDT","p":"1","q":"1","T":1}""")] // no id
    [InlineData("""{"e":"trade","s":"BTCUSDT","t":1,"p":"abc","q":"1","T":1}""")]
    [InlineData("""{"e":"trade","s":"BTCUSDT","t":1,"p":"-5","q":"1","T":1}""")]
    [InlineData("""{"e":"trade","s":"BTCUSDT","t":1,"p":"0","q":"1","T":1}""")]
    [InlineData("""{"e":"trade","s":"BTCUSDT","t":1,"p":1.5,"q":"1","T":1}""")] // number instead of string
    [InlineData("""{"e":"aggTrade","s":"BTCUSDT","t":1,"p":"1","q":"1","T":1}""")] // aggTrade needs "a"
    public void Malformed_frames_are_reported_as_such(string json)
    {
        var frame = Parse(json);

        Assert.Equal(BinanceFrameKind.Malformed, frame.Kind);
        Assert.False(string.IsNullOrEmpty(frame.Detail));
    }

    [Fact]
    public void Parsing_trades_allocates_nothing()
    {
        var messages = Enumerable.Range(0, 100)
            .Select(i => Encoding.UTF8.GetBytes(BinanceJson.Trade(i % 2 == 0 ? "BTCUSDT" : "ETHUSDT", i, "43210.5", "0.01", 1_700_000_000_000 + i)))
            .ToArray();
        foreach (var m in messages)
        {
            _parser.Parse(m); // warm up (JIT, tiering)
        }

        long sum = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 10; round++)
        {
            foreach (var m in messages)
            {
                sum += _parser.Parse(m).Trade.TradeId;
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(10 * 4950, sum);
        Assert.Equal(0, allocated);
    }
}
