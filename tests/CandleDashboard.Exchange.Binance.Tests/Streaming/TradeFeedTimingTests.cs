using CandleDashboard.Core.Exchange;
using System.Threading.Channels;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Exchange.Binance.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Exchange.Binance.Tests.Streaming;

/// <summary>Backoff, receive timeout and the 24 h recycle, driven by a fake clock over a real socket.</summary>
public sealed class TradeFeedTimingTests : IAsyncLifetime
{
    private readonly LoopbackWebSocketServer _server = new();
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(30));
    private readonly RecordingSink _sink = new();
    private readonly FakeTimeProvider _time = new();
    private readonly Channel<TimeSpan> _scheduled = Channel.CreateUnbounded<TimeSpan>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _stop.Cancel();
        await _server.DisposeAsync();
    }

    private FeedUnderTest Start(Action<BinanceOptions> configure)
    {
        var feed = TestFeeds.Create(_server.BaseUri, _time, o =>
        {
            o.ReconnectJitter = false;
            o.ReconnectInitialDelay = TimeSpan.FromSeconds(1);
            o.ReconnectMaxDelay = TimeSpan.FromSeconds(4);
            configure(o);
        });
        feed.ReconnectScheduled += d => _scheduled.Writer.TryWrite(d);
        return new FeedUnderTest(feed, feed.RunAsync(["BTCUSDT"], _sink, _stop.Token));
    }

    private async Task<TimeSpan> NextScheduledAsync() =>
        await _scheduled.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Failed_attempts_back_off_exponentially_up_to_the_cap_and_only_when_the_clock_says()
    {
        _server.RejectHandshakes = true;
        var (feed, run) = Start(_ => { });

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            var delay = await NextScheduledAsync();
            delays.Add(delay);
            Assert.Equal(FeedState.Reconnecting, feed.Status.State);
            Assert.Equal(i + 1, _server.HandshakeAttempts); // nothing happens until the clock moves
            if (i == 3)
            {
                _server.RejectHandshakes = false;
            }

            _time.Advance(delay);
        }

        Assert.Equal([1, 2, 4, 4], delays.Select(d => d.TotalSeconds));
        await _server.NextConnectionAsync();
        await Eventually.TrueAsync(() => feed.Status.State == FeedState.Live, "live once the upgrade completes");
        Assert.Equal(0, feed.Status.ReconnectCount); // never connected before, so not a re-connection

        _stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(FeedState.Stopped, feed.Status.State);
    }

    [Fact]
    public async Task Silent_connection_is_dropped_after_the_receive_timeout()
    {
        var (feed, run) = Start(o => o.ReceiveTimeout = TimeSpan.FromSeconds(30));
        var first = await _server.NextConnectionAsync();
        await first.SendTextAsync(BinanceJson.Trade("BTCUSDT", 1, "1", "1", 1));
        await _sink.WaitUntilAsync(t => t.Count == 1);

        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(1, _server.HandshakeAttempts);
        _time.Advance(TimeSpan.FromSeconds(10)); // 30 s without a frame

        var delay = await NextScheduledAsync();
        Assert.Equal(TimeSpan.FromSeconds(1), delay); // the connection had delivered data: backoff starts over
        await first.ClientGone.WaitAsync(TimeSpan.FromSeconds(10));
        _time.Advance(delay);
        var second = await _server.NextConnectionAsync();
        await second.SendTextAsync(BinanceJson.Trade("BTCUSDT", 2, "1", "1", 2));
        await _sink.WaitUntilAsync(t => t.Count == 2);
        Assert.Equal(1, feed.Status.ReconnectCount);

        _stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Before_the_24h_limit_a_fresh_connection_takes_over_without_gap_or_repeat()
    {
        var (feed, run) = Start(o =>
        {
            o.ReceiveTimeout = TimeSpan.Zero;
            o.MaxConnectionAge = TimeSpan.FromHours(23) + TimeSpan.FromMinutes(50);
        });
        var first = await _server.NextConnectionAsync();

        // Once a trade is through, the connection (and its age timer) is fully set up.
        await first.SendTextAsync(BinanceJson.Trade("BTCUSDT", 1, "1", "1", 1));
        await _sink.WaitUntilAsync(t => t.Count == 1);
        _time.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(49));
        Assert.Equal(1, _server.HandshakeAttempts);
        _time.Advance(TimeSpan.FromMinutes(1));

        // Make before break: the successor is open while the old socket still delivers.
        var second = await _server.NextConnectionAsync();
        Assert.Equal(first.Path, second.Path);
        await first.SendTextAsync(BinanceJson.Trade("BTCUSDT", 2, "1", "1", 2));
        await first.SendTextAsync(BinanceJson.Trade("BTCUSDT", 3, "1", "1", 3));
        await _sink.WaitUntilAsync(t => t.Count == 3);
        await second.SendTextAsync(BinanceJson.Trade("BTCUSDT", 3, "1", "1", 3)); // both sockets carried it
        await second.SendTextAsync(BinanceJson.Trade("BTCUSDT", 4, "1", "1", 4));

        // After the hand-over delay the old socket is closed and the successor is read.
        await Eventually.TrueAsync(() => first.ClientGone.IsCompleted, "old socket closed after the overlap", eachPoll: () => _time.Advance(TimeSpan.FromMilliseconds(50)));
        await _sink.WaitUntilAsync(t => t.Count == 4);

        Assert.Equal([1L, 2, 3, 4], _sink.Snapshot().Select(t => t.TradeId));
        Assert.Equal(1, feed.DuplicateTrades);
        Assert.Equal(1, feed.Recycles);
        Assert.Equal(0, feed.Status.ReconnectCount);
        Assert.Equal(FeedState.Live, feed.Status.State);
        Assert.False(_scheduled.Reader.TryRead(out _)); // no drop, no backoff

        _stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        await second.ClientGone.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task If_no_successor_can_be_opened_at_the_age_limit_it_reconnects_at_once()
    {
        var (feed, run) = Start(o =>
        {
            o.ReceiveTimeout = TimeSpan.Zero;
            o.MaxConnectionAge = TimeSpan.FromHours(1);
        });
        var first = await _server.NextConnectionAsync();
        await first.SendTextAsync(BinanceJson.Trade("BTCUSDT", 1, "1", "1", 1));
        await _sink.WaitUntilAsync(t => t.Count == 1);

        _server.RejectHandshakes = true;
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.Zero, await NextScheduledAsync());
        Assert.Equal(TimeSpan.FromSeconds(1), await NextScheduledAsync()); // the exchange still refuses: backoff
        await first.ClientGone.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, feed.Recycles);

        _stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task LastMessageAt_follows_the_clock()
    {
        var (feed, run) = Start(_ => { });
        var connection = await _server.NextConnectionAsync();
        Assert.Null(feed.Status.LastMessageAt);

        var sentAt = _time.GetUtcNow();
        await connection.SendTextAsync(BinanceJson.Trade("BTCUSDT", 1, "1", "1", 1));
        await _sink.WaitUntilAsync(t => t.Count == 1);
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(sentAt, feed.Status.LastMessageAt);

        _stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }
}

internal readonly record struct FeedUnderTest(CandleDashboard.Exchange.Binance.Streaming.BinanceTradeFeed Feed, Task Run);
