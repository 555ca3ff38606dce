using System.Globalization;
using System.Text;
using CandleDashboard.Core.Market;
using CandleDashboard.Exchange.Kraken.Parsing;
using CandleDashboard.Exchange.Kraken.Streaming;
using CandleDashboard.Exchange.Kraken.Tests.Infrastructure;

namespace CandleDashboard.Exchange.Kraken.Tests.Parsing;

/// <summary>WebSocket v2 messages in Kraken's documented shapes.</summary>
public sealed class MessageParserTests
{
    private readonly KrakenMessageParser _parser;
    private readonly KrakenMessage _message = new();

    public MessageParserTests()
    {
        var map = KrakenSamples.PairMap();
        map.TryGetBySymbol("BTCUSD", out var btc);
        map.TryGetBySymbol("ETHUSD", out var eth);
        _parser = new KrakenMessageParser(new KrakenSubscription([btc!, eth!]));
    }

    private KrakenMessage Parse(string json)
    {
        _parser.Parse(Encoding.UTF8.GetBytes(json), _message);
        return _message;
    }

    [Fact]
    public void Snapshot_trades_are_read_with_exact_numbers_and_microsecond_times()
    {
        var message = Parse("""
            {"channel":"trade","type":"snapshot","data":[
              {"symbol":"BTC/USD","side":"buy","price":105433.6,"qty":0.00027625,"ord_type":"limit","trade_id":10218208,"timestamp":"2025-11-10T17:23:53.971744Z"},
              {"symbol":"BTC/USD","side":"sell","price":105410.1,"qty":0.00005,"ord_type":"market","trade_id":10218209,"timestamp":"2025-11-10T17:24:17.846737Z"}]}
            """);

        Assert.Equal(KrakenMessageKind.Trades, message.Kind);
        Assert.True(message.IsSnapshot);
        Assert.Equal(0, message.BadTrades);
        Assert.Equal(
            [
                new Trade("BTCUSD", 10218208, 105433.6m, 0.00027625m, 1762795433971, IsBuyerMaker: false),
                new Trade("BTCUSD", 10218209, 105410.1m, 0.00005m, 1762795457846, IsBuyerMaker: true),
            ],
            message.Trades);
        Assert.Equal([0, 0], message.SymbolIndexes);
    }

    [Fact]
    public void Numbers_with_many_decimals_keep_every_digit()
    {
        var message = Parse("""
            {"channel":"trade","type":"update","data":[
              {"symbol":"ETH/USD","side":"buy","price":3123.456789012345678,"qty":0.000000012345678901,"ord_type":"limit","trade_id":7,"timestamp":"2025-11-10T17:24:00.000001Z"}]}
            """);

        var trade = Assert.Single(message.Trades);
        Assert.False(message.IsSnapshot);
        Assert.Equal("ETHUSD", trade.Symbol);
        Assert.Equal(1, message.SymbolIndexes[0]);
        Assert.Equal("0.000000012345678901", trade.Quantity.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("3123.456789012345678", trade.Price.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(0.000000012345678901m, trade.Quantity);
        Assert.Equal(1762795440000, trade.Time); // 00.000001 s: the microsecond floors to the millisecond
    }

    [Fact]
    public void Prices_sent_as_strings_are_read_too()
    {
        var message = Parse("""{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","side":"buy","price":"105433.60000","qty":"1.5","ord_type":"limit","trade_id":1,"timestamp":"2025-11-10T17:24:00Z"}]}""");

        Assert.Equal("105433.60000", Assert.Single(message.Trades).Price.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_snapshot_out_of_order_is_sorted_by_trade_id_so_dedupe_sees_ids_ascending()
    {
        var message = Parse("""
            {"channel":"trade","type":"snapshot","data":[
              {"symbol":"BTC/USD","side":"buy","price":2,"qty":1,"ord_type":"limit","trade_id":12,"timestamp":"2025-11-10T17:24:02Z"},
              {"symbol":"BTC/USD","side":"buy","price":1,"qty":1,"ord_type":"limit","trade_id":11,"timestamp":"2025-11-10T17:24:01Z"},
              {"symbol":"BTC/USD","side":"buy","price":3,"qty":1,"ord_type":"limit","trade_id":13,"timestamp":"2025-11-10T17:24:03Z"}]}
            """);

        Assert.Equal([11L, 12, 13], message.Trades.Select(t => t.TradeId));
        Assert.Equal([1m, 2m, 3m], message.Trades.Select(t => t.Price));
    }

    [Fact]
    public void One_bad_trade_in_a_batch_is_counted_and_the_others_kept()
    {
        var message = Parse("""
            {"channel":"trade","type":"update","data":[
              {"symbol":"BTC/USD","side":"buy","price":-1,"qty":1,"ord_type":"limit","trade_id":1,"timestamp":"2025-11-10T17:24:00Z"},
              {"symbol":"BTC/USD","side":"buy","price":1,"qty":1,"ord_type":"limit","trade_id":2,"timestamp":"2025-11-10T17:24:00Z"}]}
            """);

        Assert.Equal(KrakenMessageKind.Trades, message.Kind);
        Assert.Equal(1, message.BadTrades);
        Assert.Equal(2, Assert.Single(message.Trades).TradeId);
    }

    [Fact]
    public void Heartbeat_status_acks_and_pong()
    {
        Assert.Equal(KrakenMessageKind.Heartbeat, Parse("""{"channel":"heartbeat"}""").Kind);

        var status = Parse("""{"channel":"status","type":"update","data":[{"version":"2.0.10","system":"online","api_version":"v2","connection_id":12393906104898154338}]}""");
        Assert.Equal((KrakenMessageKind.Status, "online"), (status.Kind, status.SystemStatus));

        var ack = Parse("""{"method":"subscribe","result":{"channel":"trade","snapshot":true,"symbol":"BTC/USD"},"success":true,"time_in":"2025-11-10T17:24:00.000001Z","time_out":"2025-11-10T17:24:00.000011Z","req_id":1}""");
        Assert.Equal((KrakenMessageKind.SubscribeAck, true, "BTC/USD", (string?)null), (ack.Kind, ack.Success, ack.Symbol, ack.Detail));

        var refused = Parse("""{"error":"Currency pair not supported XBT/USD","method":"subscribe","success":false,"symbol":"XBT/USD","time_in":"2025-11-10T17:24:00.000001Z","time_out":"2025-11-10T17:24:00.000011Z","req_id":1}""");
        Assert.Equal((KrakenMessageKind.SubscribeAck, false, "XBT/USD", "Currency pair not supported XBT/USD"), (refused.Kind, refused.Success, refused.Symbol, refused.Detail));

        var unsubscribed = Parse("""{"method":"unsubscribe","result":{"channel":"trade","symbol":"BTC/USD"},"success":true,"time_in":"2025-11-10T17:24:00.000001Z","time_out":"2025-11-10T17:24:00.000011Z"}""");
        Assert.Equal((KrakenMessageKind.UnsubscribeAck, true), (unsubscribed.Kind, unsubscribed.Success));

        var pong = Parse("""{"method":"pong","req_id":42,"time_in":"2025-11-10T17:24:00.000001Z","time_out":"2025-11-10T17:24:00.000011Z"}""");
        Assert.Equal(KrakenMessageKind.Pong, pong.Kind);

        var error = Parse("""{"error":"Malformed request","method":"error","status":"error","time_in":"2025-11-10T17:24:00.000001Z","time_out":"2025-11-10T17:24:00.000011Z"}""");
        Assert.Equal((KrakenMessageKind.Error, "Malformed request"), (error.Kind, error.Detail));
    }

    [Theory]
    [InlineData("""{"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[{"price":1,"qty":2}],"asks":[],"checksum":1}]}""")]
    [InlineData("""{"channel":"trade","type":"update","data":[{"symbol":"SOL/USD","side":"buy","price":1,"qty":1,"ord_type":"limit","trade_id":1,"timestamp":"2025-11-10T17:24:00Z"}]}""")]
    [InlineData("""{"method":"edit_order","success":true}""")]
    [InlineData("""{"hello":"world"}""")]
    public void Well_formed_messages_that_are_not_ours_are_skipped(string json) =>
        Assert.Equal(KrakenMessageKind.Skipped, Parse(json).Kind);

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","price":1""")]
    [InlineData("""{"channel":"heartbeat"} trailing""")]
    [InlineData("""{"channel":"trade","type":"update"}""")]
    [InlineData("""{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","side":"buy","price":1,"qty":0,"trade_id":1,"timestamp":"2025-11-10T17:24:00Z"}]}""")]
    [InlineData("""{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","side":"buy","price":1,"qty":1,"trade_id":1,"timestamp":"yesterday"}]}""")]
    [InlineData("""{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","side":"buy","price":1e400,"qty":1,"trade_id":1,"timestamp":"2025-11-10T17:24:00Z"}]}""")]
    [InlineData("""{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","side":"buy","price":1,"qty":1,"timestamp":"2025-11-10T17:24:00Z"}]}""")]
    [InlineData("""{"channel":"trade","type":"update","data":[42]}""")]
    [InlineData("")]
    public void Malformed_messages_are_reported_never_thrown(string json)
    {
        var message = Parse(json);

        Assert.Equal(KrakenMessageKind.Malformed, message.Kind);
        Assert.Empty(message.Trades);
        Assert.NotNull(message.Detail);
    }

    [Fact]
    public void The_message_object_is_reused_without_leftovers()
    {
        Parse("""{"channel":"trade","type":"snapshot","data":[{"symbol":"BTC/USD","side":"buy","price":1,"qty":1,"ord_type":"limit","trade_id":1,"timestamp":"2025-11-10T17:24:00Z"}]}""");
        var next = Parse("""{"channel":"heartbeat"}""");

        Assert.Equal(KrakenMessageKind.Heartbeat, next.Kind);
        Assert.Empty(next.Trades);
        Assert.False(next.IsSnapshot);
    }
}
