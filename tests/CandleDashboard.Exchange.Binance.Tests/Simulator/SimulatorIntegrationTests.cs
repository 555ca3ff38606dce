using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Market;
using CandleDashboard.Exchange.Binance.Rest;
using CandleDashboard.Exchange.Binance.Tests.Infrastructure;
using CandleDashboard.Simulator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Exchange.Binance.Tests.Simulator;

/// <summary>The adapter against the project's exchange simulator on loopback (real sockets, real time).</summary>
public sealed class SimulatorIntegrationTests : IAsyncLifetime
{
    private static readonly string[] Listed = ["BTCUSDT", "ETHUSDT", "SOLUSDT"];

    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(40));
    private readonly RecordingSink _sink = new();
    private ExchangeSimulator _simulator = null!;

    public async Task InitializeAsync() =>
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Symbols = Listed,
            TradesPerSecondPerSymbol = 200,
            Port = 0,
            HistoryLength = TimeSpan.FromDays(30),
            OneSecondHistory = TimeSpan.FromMinutes(40),

            // Pings far more often than Binance's 20 s, so every test also proves the feed answers them. The
            // pong timeout leaves room for a stalled CI machine: at 400 ms one scheduling hiccup on a busy
            // 2-core runner dropped the connection and the reconnect test counted a second reconnect.
            PingInterval = TimeSpan.FromMilliseconds(100),
            PongTimeout = TimeSpan.FromMilliseconds(1500),
        });

    public async Task DisposeAsync()
    {
        _stop.Cancel();
        await _simulator.DisposeAsync();
    }

    private static bool EachSymbolHasAtLeast(IReadOnlyList<Trade> trades, int count) =>
        Listed.All(s => trades.Count(t => t.Symbol == s) >= count);

    private static void AssertIdsStrictlyIncreasingPerSymbol(IEnumerable<Trade> trades)
    {
        foreach (var group in trades.GroupBy(t => t.Symbol))
        {
            var ids = group.Select(t => t.TradeId).ToList();
            for (var i = 1; i < ids.Count; i++)
            {
                Assert.True(ids[i] > ids[i - 1], $"{group.Key}: id {ids[i]} after {ids[i - 1]}");
            }
        }
    }

    [Theory]
    [InlineData(BinanceStreamKind.Trade)]
    [InlineData(BinanceStreamKind.AggTrade)]
    public async Task Trades_flow_for_every_symbol(BinanceStreamKind stream)
    {
        var feed = TestFeeds.Create(_simulator.WebSocketBaseUri, configure: o => o.Stream = stream);
        var run = feed.RunAsync(Listed, _sink, _stop.Token);

        await _sink.WaitUntilAsync(t => EachSymbolHasAtLeast(t, 100), TimeSpan.FromSeconds(15));

        var trades = _sink.Snapshot();
        Assert.All(trades, t => Assert.Contains(t.Symbol, Listed));
        Assert.All(trades, t => Assert.True(t.Price > 0 && t.Quantity > 0));
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.All(trades, t => Assert.InRange(t.Time, now - 60_000, now + 5_000));
        AssertIdsStrictlyIncreasingPerSymbol(trades);
        Assert.Equal(FeedState.Live, feed.Status.State);
        Assert.Equal(0, feed.Status.MalformedMessages);
        Assert.Equal(1, _simulator.OpenWebSocketCount);

        _stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(FeedState.Stopped, feed.Status.State);
    }

    [Fact]
    public async Task Server_pings_are_answered_so_the_connection_outlives_the_pong_timeout()
    {
        var feed = TestFeeds.Create(_simulator.WebSocketBaseUri);
        var run = feed.RunAsync(Listed, _sink, _stop.Token);
        await _sink.WaitUntilAsync(t => t.Count > 0, TimeSpan.FromSeconds(15));
        var firstTime = _sink.Snapshot()[0].Time;

        // Trades stamped 4 s after the first: about 40 pings and more than two pong timeouts later.
        await _sink.WaitUntilAsync(t => t[^1].Time >= firstTime + 4_000, TimeSpan.FromSeconds(15));

        Assert.Equal(0, feed.Status.ReconnectCount);
        Assert.Equal(1, _simulator.OpenWebSocketCount);

        _stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Forced_disconnect_reconnects_once_resubscribes_and_delivers_each_trade_once()
    {
        var feed = TestFeeds.Create(_simulator.WebSocketBaseUri);
        var connections = 0;
        feed.Connected += _ => Interlocked.Increment(ref connections);
        var run = feed.RunAsync(Listed, _sink, _stop.Token);
        await _sink.WaitUntilAsync(t => EachSymbolHasAtLeast(t, 20), TimeSpan.FromSeconds(15));

        await _simulator.DisconnectAllAsync();
        var beforeCount = _sink.Snapshot().GroupBy(t => t.Symbol).ToDictionary(g => g.Key, g => g.Count());

        // Trades for every symbol keep coming on the new connection.
        await _sink.WaitUntilAsync(
            t => Listed.All(s => t.Count(x => x.Symbol == s) >= beforeCount.GetValueOrDefault(s) + 50),
            TimeSpan.FromSeconds(15));

        // The sink's copy first: trades keep arriving, and the feed counts each one before handing it
        // over, so its count read afterwards is at least as large.
        var trades = _sink.Snapshot();
        var status = feed.Status;
        Assert.Equal(1, status.ReconnectCount);
        Assert.Equal(2, Volatile.Read(ref connections));
        Assert.Equal(FeedState.Live, status.State);
        Assert.Equal(1, _simulator.OpenWebSocketCount);
        AssertIdsStrictlyIncreasingPerSymbol(trades);
        Assert.True(status.TradesReceived >= trades.Count);
        Assert.Equal(0, status.MalformedMessages);

        _stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Klines_are_fetched_and_paged_from_the_rest_api()
    {
        using var http = new HttpClient();
        var client = new BinanceRestClient(
            http,
            Options.Create(new BinanceOptions { RestBaseUri = _simulator.RestBaseUri }),
            TimeProvider.System,
            NullLogger<BinanceRestClient>.Instance);

        var recent = await client.GetKlinesAsync("BTCUSDT", Interval.OneMinute, null, null, 10, default);
        Assert.Equal(10, recent.Count);
        Assert.All(recent, c => Assert.Equal(CandleSource.Official, c.Source));
        Assert.All(recent, c => Assert.Equal(0, c.OpenTime % 60_000));
        Assert.All(recent.SkipLast(1), c => Assert.True(c.IsClosed));
        Assert.All(recent, c => Assert.True(c.Low <= c.Open && c.Open <= c.High && c.Low <= c.Close && c.Close <= c.High));

        // A full page of 1s klines from a start time: consecutive seconds, all inside the asked range.
        var end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000 * 1000 - 60_000;
        var start = end - 30 * 60_000 + 1000;
        var page = await client.GetKlinesAsync("ETHUSDT", Interval.OneSecond, start, end, client.MaxKlinesPerRequest, default);

        Assert.Equal(client.MaxKlinesPerRequest, page.Count);
        Assert.Equal(start, page[0].OpenTime);
        Assert.All(page, c => Assert.InRange(c.OpenTime, start, end));
        Assert.Equal(Enumerable.Range(0, page.Count).Select(i => start + i * 1000L), page.Select(c => c.OpenTime));

        // The simulator lists its symbols as trading, with Binance's 0.01 price tick for the majors.
        var symbols = await client.GetSymbolsAsync(default);
        Assert.Equal(Listed.Order(), symbols.Select(s => s.Symbol).Order());
        Assert.All(symbols, s => Assert.Equal(SymbolStatus.Trading, s.Status));
        Assert.Equal(2, symbols.Single(s => s.Symbol == "ETHUSDT").PriceDecimals);
        await Assert.ThrowsAsync<UnknownSymbolException>(() => client.GetKlinesAsync("NOSUCHCOIN", Interval.OneMinute, null, null, 10, default));
    }
}
