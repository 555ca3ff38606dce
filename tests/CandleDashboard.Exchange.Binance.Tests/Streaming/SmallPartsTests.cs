using CandleDashboard.Exchange.Binance.Parsing;
using CandleDashboard.Exchange.Binance.Streaming;

namespace CandleDashboard.Exchange.Binance.Tests.Streaming;

public sealed class SmallPartsTests
{
    [Fact]
    public void Stream_uri_lists_lower_case_streams_of_the_chosen_kind()
    {
        Assert.Equal(
            "wss://stream.binance.com:9443/stream?streams=btcusdt@trade/ethusdt@trade",
            BinanceStreamUri.Build(new Uri("wss://stream.binance.com:9443"), ["BTCUSDT", "ETHUSDT"], BinanceStreamKind.Trade).AbsoluteUri);
        Assert.Equal(
            "ws://127.0.0.1:5000/prefix/stream?streams=btcusdt@aggTrade",
            BinanceStreamUri.Build(new Uri("ws://127.0.0.1:5000/prefix/"), ["BTCUSDT"], BinanceStreamKind.AggTrade).AbsoluteUri);
        Assert.Throws<ArgumentException>(() => BinanceStreamUri.Build(new Uri("ws://x"), [], BinanceStreamKind.Trade));
    }

    [Fact]
    public void Symbol_table_interns_and_matches_any_case()
    {
        var table = new SymbolTable(["btcusdt", "ETHUSDT", "BTCUSDT"]);

        Assert.Equal(["BTCUSDT", "ETHUSDT"], table.Symbols);
        Assert.True(table.TryGet("ethusdt"u8, out var symbol, out var index));
        Assert.Same(table.Symbols[1], symbol);
        Assert.Equal(1, index);
        Assert.False(table.TryGet("DOGEUSDT"u8, out _, out _));
        Assert.False(table.TryGet("BTCUSDTBTCUSDTBTCUSDTX"u8, out _, out _));
        Assert.Throws<ArgumentException>(() => new SymbolTable(["BTC-USDT"]));
    }

    [Fact]
    public void Options_validation_names_the_problems()
    {
        Assert.Empty(new BinanceOptions().Validate());
        var bad = new BinanceOptions
        {
            RestBaseUri = new Uri("ftp://x"),
            WebSocketBaseUri = new Uri("http://x"),
            ReconnectInitialDelay = TimeSpan.FromSeconds(5),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        };
        Assert.Equal(3, bad.Validate().Count);
    }
}
