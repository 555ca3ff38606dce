using System.Text.Json;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Market;
using CandleDashboard.Exchange.Kraken.Streaming;
using CandleDashboard.Exchange.Kraken.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Exchange.Kraken.Tests.Streaming;

/// <summary>The feed against a small Kraken v2 peer on loopback (real WebSocket, real time, no sleeps).</summary>
public sealed class TradeFeedLoopbackTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(60));
    private readonly RecordingSink _sink = new();
    private LoopbackKrakenWebSocket _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackKrakenWebSocket.StartAsync();

    public async Task DisposeAsync()
    {
        _stop.Cancel();
        await _server.DisposeAsync();
    }

    private readonly ListLogger<KrakenTradeFeed> _log = new();

    private KrakenTradeFeed Feed(Action<KrakenOptions>? configure = null)
    {
        var options = new KrakenOptions
        {
            WebSocketUri = _server.Uri,
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(10),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
        };
        configure?.Invoke(options);
        return new KrakenTradeFeed(Options.Create(options), new FixedPairSource(KrakenSamples.PairMap()), TimeProvider.System, _log, new Random(7));
    }

    private static void AssertSubscribe(string json, params string[] pairs)
    {
        using var request = JsonDocument.Parse(json);
        var root = request.RootElement;
        Assert.Equal("subscribe", root.GetProperty("method").GetString());
        Assert.Equal("trade", root.GetProperty("params").GetProperty("channel").GetString());
        Assert.Equal(pairs, root.GetProperty("params").GetProperty("symbol").EnumerateArray().Select(e => e.GetString()));
        Assert.True(root.GetProperty("params").GetProperty("snapshot").GetBoolean());
    }

    [Fact]
    public async Task Subscribe_snapshot_updates_drop_reconnect_resubscribe_and_each_live_trade_exactly_once()
    {
        var feed = Feed();
        var run = feed.RunAsync(["btcusd", "ETHUSD"], _sink, _stop.Token);

        var first = await _server.NextConnectionAsync();
        AssertSubscribe(await first.ReceiveAsync(), "BTC/USD", "ETH/USD"); // v2 names: BTC, not XBT
        Assert.Equal(FeedState.Connecting, feed.Status.State); // live only once Kraken confirms
        await first.SendAsync(KrakenWsJson.StatusOnline);
        await first.SendAsync(KrakenWsJson.SubscribeAck("BTC/USD"));
        await first.SendAsync(KrakenWsJson.SubscribeAck("ETH/USD"));
        await first.SendAsync(KrakenWsJson.Trades("snapshot", "BTC/USD", 1, 2, 3)); // before we came: seeds dedupe only
        await first.SendAsync(KrakenWsJson.Heartbeat);
        await first.SendAsync(KrakenWsJson.Trades("update", "BTC/USD", 4));
        await first.SendAsync(KrakenWsJson.Trades("update", "ETH/USD", 50));
        await first.SendAsync(KrakenWsJson.Trades("update", "BTC/USD", 5));
        await Eventually.HoldsAsync(() => _sink.Count == 3, Deadline, "three live trades from the first connection");
        Assert.Equal(FeedState.Live, feed.Status.State);
        Assert.Equal("online", feed.SystemStatus);
        Assert.Equal(3, feed.SeededTrades);

        first.Drop(); // no close frame: a network failure

        var second = await _server.NextConnectionAsync();
        AssertSubscribe(await second.ReceiveAsync(), "BTC/USD", "ETH/USD");
        await second.SendAsync(KrakenWsJson.SubscribeAck("BTC/USD"));

        // The new snapshots repeat 3, 4, 5 and 50, and bring 6, missed while disconnected; then live updates.
        await second.SendAsync(KrakenWsJson.Trades("snapshot", "BTC/USD", 3, 4, 5, 6));
        await second.SendAsync(KrakenWsJson.Trades("snapshot", "ETH/USD", 50));
        await second.SendAsync(KrakenWsJson.Trades("update", "BTC/USD", 7));
        await second.SendAsync(KrakenWsJson.Trades("update", "ETH/USD", 51));
        await Eventually.HoldsAsync(() => _sink.Count == 6, Deadline, "six distinct live trades in all");

        var trades = _sink.Snapshot();
        Assert.Equal([4L, 5, 6, 7], trades.Where(t => t.Symbol == "BTCUSD").Select(t => t.TradeId));
        Assert.Equal([50L, 51], trades.Where(t => t.Symbol == "ETHUSD").Select(t => t.TradeId));
        Assert.Equal(new Trade("BTCUSD", 4, 104.5m, 0.004m, 1762795444123, IsBuyerMaker: true), trades[0]);

        var status = feed.Status;
        Assert.Equal(1, status.ReconnectCount);
        Assert.Equal(6, status.TradesReceived);
        Assert.Equal(0, status.MalformedMessages);
        Assert.Equal(4, feed.DuplicateTrades);
        Assert.Equal(3, feed.SeededTrades);
        Assert.Equal(1, feed.Heartbeats);
        Assert.NotNull(status.LastMessageAt);
        Assert.Equal(FeedState.Live, status.State);

        _stop.Cancel();
        await run.WaitAsync(Deadline);
        Assert.Equal(FeedState.Stopped, feed.Status.State);
    }

    [Fact]
    public async Task Malformed_messages_and_refused_pairs_are_counted_and_the_stream_goes_on()
    {
        var feed = Feed();
        var run = feed.RunAsync(["BTCUSD"], _sink, _stop.Token);
        var connection = await _server.NextConnectionAsync();
        await connection.ReceiveAsync();

        await connection.SendAsync("""{"error":"Currency pair not supported BTC/USD","method":"subscribe","success":false,"symbol":"BTC/USD","time_in":"2025-11-10T17:24:00.000001Z","time_out":"2025-11-10T17:24:00.000011Z"}""");
        await connection.SendAsync("this is not json");
        await connection.SendAsync("""{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","price":"x"}]}""");
        await connection.SendAsync("""{"channel":"book","type":"update","data":[]}""");
        await connection.SendAsync(KrakenWsJson.Trades("update", "BTC/USD", 9));
        await Eventually.HoldsAsync(() => _sink.Count == 1, Deadline, "the good trade after the bad messages");

        Assert.Equal(2, feed.Status.MalformedMessages);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Malformed Kraken message (invalid JSON)", StringComparison.Ordinal));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Currency pair not supported BTC/USD", StringComparison.Ordinal));
        Assert.Equal(1, feed.SubscribeFailures);
        Assert.Equal(1, feed.SkippedMessages);
        Assert.Equal(0, feed.Status.ReconnectCount);

        _stop.Cancel();
        await run.WaitAsync(Deadline);
    }

    [Fact]
    public async Task Pings_are_answered_and_silence_past_the_receive_timeout_reconnects()
    {
        var feed = Feed(o => (o.PingInterval, o.ReceiveTimeout) = (TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1500)));
        var run = feed.RunAsync(["BTCUSD"], _sink, _stop.Token);
        var first = await _server.NextConnectionAsync();
        await first.ReceiveAsync();
        await first.SendAsync(KrakenWsJson.SubscribeAck("BTC/USD"));

        await Eventually.HoldsAsync(() => feed.Pongs >= 2, Deadline, "pongs to the feed's pings");
        Assert.True(first.Pings >= 2);

        // The peer falls silent (no heartbeats, pings unanswered): the watchdog gives up on the connection.
        first.AnswerPings = false;
        var second = await _server.NextConnectionAsync();
        AssertSubscribe(await second.ReceiveAsync(), "BTC/USD");
        Assert.Equal(1, feed.Status.ReconnectCount);

        _stop.Cancel();
        await run.WaitAsync(Deadline);
    }

    [Fact]
    public async Task Symbols_kraken_does_not_list_are_left_out_and_none_at_all_is_an_error()
    {
        var feed = Feed();
        var run = feed.RunAsync(["BTCUSD", "SOLUSD"], _sink, _stop.Token);
        var connection = await _server.NextConnectionAsync();
        AssertSubscribe(await connection.ReceiveAsync(), "BTC/USD");
        _stop.Cancel();
        await run.WaitAsync(Deadline);

        var ex = await Assert.ThrowsAsync<UnknownSymbolException>(() => Feed().RunAsync(["SOLUSD"], _sink, CancellationToken.None));
        Assert.Equal("SOLUSD", ex.Symbol);
    }
}
