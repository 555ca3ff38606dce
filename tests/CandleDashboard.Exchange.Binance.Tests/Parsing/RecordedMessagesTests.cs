using System.Text;
using System.Text.Json;
using CandleDashboard.Exchange.Binance.Parsing;
using CandleDashboard.Exchange.Binance.Tests.Infrastructure;

namespace CandleDashboard.Exchange.Binance.Tests.Parsing;

/// <summary>The real recorded Binance streams must parse: every aggTrade exactly, everything else skipped.</summary>
public sealed class RecordedMessagesTests
{
    [Fact]
    public void Spot_capture_first_FTMUSDT_aggTrade_has_the_recorded_values()
    {
        var capture = RecordedCapture.Load("BINANCE.ws.1.0");
        var parser = new BinanceMessageParser(new SymbolTable(capture.Symbols));

        var first = capture.Messages.Select(m => parser.Parse(Encoding.UTF8.GetBytes(m)))
            .First(f => f.Kind == BinanceFrameKind.Trade && f.Trade.Symbol == "FTMUSDT");

        // {"e":"aggTrade","E":1628952396573,"s":"FTMUSDT","a":31718372,"p":"0.33993000","q":"99.90000000","f":38248910,"l":38248910,"T":1628952396572,"m":true,"M":true}
        Assert.Equal(31718372, first.Trade.TradeId);
        Assert.Equal(0.33993m, first.Trade.Price);
        Assert.Equal(99.9m, first.Trade.Quantity);
        Assert.Equal(1628952396572, first.Trade.Time);
        Assert.True(first.Trade.IsBuyerMaker);
    }

    [Theory]
    [InlineData("BINANCE.ws.1.0", 28, "FTMUSDT=13,SXPBTC=12,XMRBTC=3")]
    [InlineData("BINANCE_FUTURES.ws.1.0", 91, "AKROUSDT=8,CTKUSDT=38,KEEPUSDT=5,SUSHIUSDT=40")]
    public void Every_aggTrade_parses_and_everything_else_is_skipped(string file, int expectedTrades, string expectedPerSymbol)
    {
        var capture = RecordedCapture.Load(file);
        var table = new SymbolTable(capture.Symbols);
        var parser = new BinanceMessageParser(table);
        var trades = 0;
        foreach (var message in capture.Messages)
        {
            var frame = parser.Parse(Encoding.UTF8.GetBytes(message));
            var oracle = JsonDocument.Parse(message).RootElement.GetProperty("data");
            var isAggTrade = oracle.TryGetProperty("e", out var e) && e.GetString() == "aggTrade";
            if (!isAggTrade)
            {
                Assert.Equal(BinanceFrameKind.Skipped, frame.Kind);
                continue;
            }

            // Oracle: the same fields read independently with JsonDocument.
            Assert.Equal(BinanceFrameKind.Trade, frame.Kind);
            Assert.Equal(oracle.GetProperty("s").GetString(), frame.Trade.Symbol);
            Assert.Same(table.Symbols[frame.SymbolIndex], frame.Trade.Symbol); // interned, not a fresh string
            Assert.Equal(oracle.GetProperty("a").GetInt64(), frame.Trade.TradeId);
            Assert.Equal(decimal.Parse(oracle.GetProperty("p").GetString()!, System.Globalization.CultureInfo.InvariantCulture), frame.Trade.Price);
            Assert.Equal(decimal.Parse(oracle.GetProperty("q").GetString()!, System.Globalization.CultureInfo.InvariantCulture), frame.Trade.Quantity);
            Assert.Equal(oracle.GetProperty("T").GetInt64(), frame.Trade.Time);
            Assert.Equal(oracle.GetProperty("m").GetBoolean(), frame.Trade.IsBuyerMaker);
            trades++;
        }

        Assert.Equal(expectedTrades, trades);
        var perSymbol = capture.Messages.Select(m => parser.Parse(Encoding.UTF8.GetBytes(m)))
            .Where(f => f.Kind == BinanceFrameKind.Trade)
            .GroupBy(f => f.Trade.Symbol)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}={g.Count()}");
        Assert.Equal(expectedPerSymbol, string.Join(",", perSymbol));
    }

    [Fact]
    public void Recorded_aggTrade_ids_are_consecutive_per_symbol()
    {
        var capture = RecordedCapture.Load("BINANCE_FUTURES.ws.1.0");
        var parser = new BinanceMessageParser(new SymbolTable(capture.Symbols));
        var bySymbol = capture.Messages.Select(m => parser.Parse(Encoding.UTF8.GetBytes(m)))
            .Where(f => f.Kind == BinanceFrameKind.Trade)
            .GroupBy(f => f.Trade.Symbol);
        foreach (var group in bySymbol)
        {
            var ids = group.Select(f => f.Trade.TradeId).ToList();
            Assert.Equal(Enumerable.Range(0, ids.Count).Select(i => ids[0] + i), ids);
        }
    }
}
