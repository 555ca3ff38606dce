using CandleDashboard.Core.Exchange;
using System.Text;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Exchange.Binance.Tests.Infrastructure;

namespace CandleDashboard.Exchange.Binance.Tests.Streaming;

/// <summary>The feed against a hand-written WebSocket server on loopback, in real time.</summary>
public sealed class TradeFeedLoopbackTests : IAsyncLifetime
{
    private readonly LoopbackWebSocketServer _server = new();
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(30));
    private readonly RecordingSink _sink = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _stop.Cancel();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Trades_flow_from_the_combined_stream_with_fragments_pings_and_large_frames()
    {
        var feed = TestFeeds.Create(_server.BaseUri);
        var run = feed.RunAsync(["btcusdt", "ETHUSDT"], _sink, _stop.Token);
        var connection = await _server.NextConnectionAsync();

        Assert.Equal("/stream?streams=btcusdt@trade/ethusdt@trade", connection.Path);
        await Eventually.TrueAsync(() => feed.Status.State == FeedState.Live, "live once the upgrade completes");

        await connection.SendTextAsync("""{"result":null,"id":1}""");
        await connection.SendTextAsync(BinanceJson.Trade("BTCUSDT", 100, "43000.10", "0.5", 1_700_000_000_000));

        // One trade split into three frames (text + 2 continuations) with a server ping in between.
        await connection.SendFragmentedTextAsync(BinanceJson.Trade("ETHUSDT", 7, "2200.25", "1.25", 1_700_000_000_001, true), parts: 3, pingBetween: "ka-1"u8.ToArray());

        // A 200 KB depth update (well past the 16 KB starting buffer) in 5 fragments: assembled, skipped.
        var bids = string.Join(",", Enumerable.Range(0, 6000).Select(i => $"[\"{i}.00000000\",\"1.0\"]"));
        await connection.SendFragmentedTextAsync("{\"stream\":\"btcusdt@depth\",\"data\":{\"e\":\"depthUpdate\",\"s\":\"BTCUSDT\",\"b\":[" + bids + "],\"a\":[]}}", parts: 5);
        await connection.SendTextAsync(BinanceJson.Trade("BTCUSDT", 101, "43000.20", "0.1", 1_700_000_000_002));

        await _sink.WaitUntilAsync(t => t.Count == 3);
        var trades = _sink.Snapshot();
        Assert.Equal(new CandleDashboard.Core.Market.Trade("BTCUSDT", 100, 43000.10m, 0.5m, 1_700_000_000_000, false), trades[0]);
        Assert.Equal(new CandleDashboard.Core.Market.Trade("ETHUSDT", 7, 2200.25m, 1.25m, 1_700_000_000_001, true), trades[1]);
        Assert.Equal(101, trades[2].TradeId);
        Assert.Equal("ka-1", Encoding.UTF8.GetString(await connection.FirstPong.WaitAsync(TimeSpan.FromSeconds(10))));

        var status = feed.Status;
        Assert.Equal(3, status.TradesReceived);
        Assert.Equal(0, status.MalformedMessages);
        Assert.Equal(0, status.ReconnectCount);
        Assert.NotNull(status.LastMessageAt);
        Assert.Equal(2, feed.SkippedMessages); // the subscription reply and the depth update

        _stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(FeedState.Stopped, feed.Status.State);
        await connection.ClientGone.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Server_close_reconnects_resubscribes_and_drops_replayed_trades()
    {
        var feed = TestFeeds.Create(_server.BaseUri, configure: o => o.Stream = BinanceStreamKind.AggTrade);
        var run = feed.RunAsync(["BTCUSDT"], _sink, _stop.Token);
        var first = await _server.NextConnectionAsync();
        for (var id = 1; id <= 3; id++)
        {
            await first.SendTextAsync(BinanceJson.RawAggTrade("BTCUSDT", id, "100", "1", 1_700_000_000_000 + id));
        }

        await _sink.WaitUntilAsync(t => t.Count == 3);
        await first.SendCloseAsync(1001, "server maintenance");

        var second = await _server.NextConnectionAsync();
        Assert.Equal(first.Path, second.Path);
        Assert.Equal("/stream?streams=btcusdt@aggTrade", second.Path);

        // The new stream repeats trades 2 and 3 before new ones: each must reach the sink once.
        for (var id = 2; id <= 5; id++)
        {
            await second.SendTextAsync(BinanceJson.RawAggTrade("BTCUSDT", id, "100", "1", 1_700_000_000_000 + id));
        }

        await _sink.WaitUntilAsync(t => t.Count == 5);
        Assert.Equal([1L, 2, 3, 4, 5], _sink.Snapshot().Select(t => t.TradeId));
        Assert.Equal(1, feed.Status.ReconnectCount);
        Assert.Equal(5, feed.Status.TradesReceived);
        Assert.Equal(2, feed.DuplicateTrades);
        Assert.Equal(FeedState.Live, feed.Status.State);

        _stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Dropped_tcp_connection_is_reconnected()
    {
        var feed = TestFeeds.Create(_server.BaseUri);
        var states = new List<FeedState>();
        feed.ReconnectScheduled += _ => states.Add(feed.Status.State);
        var run = feed.RunAsync(["BTCUSDT"], _sink, _stop.Token);
        var first = await _server.NextConnectionAsync();
        await first.SendTextAsync(BinanceJson.Trade("BTCUSDT", 1, "1", "1", 1));
        await _sink.WaitUntilAsync(t => t.Count == 1);

        first.Dispose(); // no close frame: a network failure

        var second = await _server.NextConnectionAsync();
        await second.SendTextAsync(BinanceJson.Trade("BTCUSDT", 2, "1", "1", 2));
        await _sink.WaitUntilAsync(t => t.Count == 2);
        Assert.Equal([FeedState.Reconnecting], states);
        Assert.Equal(1, feed.Status.ReconnectCount);
        Assert.Equal(FeedState.Live, feed.Status.State);

        _stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Malformed_frames_are_counted_and_the_stream_goes_on()
    {
        var feed = TestFeeds.Create(_server.BaseUri);
        var run = feed.RunAsync(["BTCUSDT"], _sink, _stop.Token);
        var connection = await _server.NextConnectionAsync();

        await connection.SendTextAsync("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",");
        await connection.SendBinaryAsync([1, 2, 3]);
        await connection.SendTextAsync("""{"e":"trade","s":"BTCUSDT","t":1,"p":"NaN","q":"1","T":1}""");
        await connection.SendTextAsync("""{"stream":"btcusdt@bookTicker","data":{"u":1,"s":"BTCUSDT","b":"1","B":"1","a":"2","A":"1"}}""");
        await connection.SendTextAsync(BinanceJson.Trade("BTCUSDT", 9, "1.5", "2", 3));

        await _sink.WaitUntilAsync(t => t.Count == 1);
        Assert.Equal(9, _sink.Snapshot()[0].TradeId);
        Assert.Equal(3, feed.Status.MalformedMessages);
        Assert.Equal(1, feed.SkippedMessages);
        Assert.Equal(0, feed.Status.ReconnectCount);

        _stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Oversized_message_is_discarded_as_malformed_and_the_next_one_parses()
    {
        var feed = TestFeeds.Create(_server.BaseUri, configure: o => o.MaxMessageBytes = 4096);
        var run = feed.RunAsync(["BTCUSDT"], _sink, _stop.Token);
        var connection = await _server.NextConnectionAsync();

        var huge = "{\"e\":\"trade\",\"pad\":\"" + new string('x', 40_000) + "\"}";
        await connection.SendFragmentedTextAsync(huge, parts: 4);
        await connection.SendTextAsync(huge);
        await connection.SendTextAsync(BinanceJson.Trade("BTCUSDT", 1, "1", "1", 1));

        await _sink.WaitUntilAsync(t => t.Count == 1);
        Assert.Equal(2, feed.Status.MalformedMessages);
        Assert.Equal(0, feed.Status.ReconnectCount);

        _stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_throwing_sink_does_not_stop_the_feed()
    {
        var feed = TestFeeds.Create(_server.BaseUri);
        var sink = new ThrowingSink(_sink);
        var run = feed.RunAsync(["BTCUSDT"], sink, _stop.Token);
        var connection = await _server.NextConnectionAsync();

        for (var id = 1; id <= 3; id++)
        {
            await connection.SendTextAsync(BinanceJson.Trade("BTCUSDT", id, "1", "1", id));
        }

        await _sink.WaitUntilAsync(t => t.Count == 3);
        Assert.Equal(3, feed.Status.TradesReceived);
        Assert.Equal(0, feed.Status.ReconnectCount);

        _stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Records, then throws on odd ids: a buggy consumer.</summary>
    private sealed class ThrowingSink(RecordingSink inner) : ITradeSink
    {
        public void OnTrade(in CandleDashboard.Core.Market.Trade trade)
        {
            inner.OnTrade(trade);
            if (trade.TradeId % 2 == 1)
            {
                throw new InvalidOperationException("consumer bug");
            }
        }
    }

    [Fact]
    public async Task A_flood_of_malformed_frames_is_counted_but_logged_once_per_window()
    {
        var logger = new ListLogger<CandleDashboard.Exchange.Binance.Streaming.BinanceTradeFeed>();
        var feed = new CandleDashboard.Exchange.Binance.Streaming.BinanceTradeFeed(
            Microsoft.Extensions.Options.Options.Create(new BinanceOptions { WebSocketBaseUri = _server.BaseUri }),
            TimeProvider.System,
            logger,
            new Random(1));
        var run = feed.RunAsync(["BTCUSDT"], _sink, _stop.Token);
        var connection = await _server.NextConnectionAsync();

        for (var i = 0; i < 200; i++)
        {
            await connection.SendTextAsync("{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"p\":\"oops\"");
        }

        await connection.SendTextAsync(BinanceJson.Trade("BTCUSDT", 1, "1", "1", 1));
        await _sink.WaitUntilAsync(t => t.Count == 1);

        Assert.Equal(200, feed.Status.MalformedMessages);
        var malformedLogs = logger.Entries.Where(e => e.Message.Contains("Malformed", StringComparison.Ordinal)).ToList();
        Assert.Single(malformedLogs); // the next one (after 10 s) would report the 199 suppressed
        Assert.Contains("invalid JSON", malformedLogs[0].Message);

        _stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_feed_runs_once_at_a_time_and_rejects_bad_symbols()
    {
        var feed = TestFeeds.Create(_server.BaseUri);
        var run = feed.RunAsync(["BTCUSDT"], _sink, _stop.Token);
        await _server.NextConnectionAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => feed.RunAsync(["ETHUSDT"], _sink, _stop.Token));
        await Assert.ThrowsAsync<ArgumentException>(() => TestFeeds.Create(_server.BaseUri).RunAsync(["BTC/USDT"], _sink, _stop.Token));

        _stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
