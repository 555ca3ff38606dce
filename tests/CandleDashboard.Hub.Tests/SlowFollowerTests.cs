using CandleDashboard.Contracts;
using CandleDashboard.Core.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CandleDashboard.Hub.Tests;

/// <summary>
/// The app for the slow-follower test: 200 trades/s per symbol keep every series publishing about
/// 10 updates a second, and the server's sockets get a small, fixed kernel send buffer, so a
/// follower that stops reading backs up into SignalR within seconds.
/// </summary>
/// <remarks>
/// Only the kernel's share is changed. On loopback Linux grows a socket's send buffer to megabytes
/// (its segments are 64 KiB), which a stalled follower at ~60 KB/s would take a minute to fill; on
/// a real network the same stall begins once those buffers are full, just later. What happens
/// after that (SignalR's pipe full, the send waiting) is what the test exercises, unchanged.
/// Accepted sockets inherit the listening socket's buffer size (and lose autotuning) on Linux.
/// Kestrel's minimum response data rate is switched off: it would also end the stalled connection
/// (about 5 s after its socket stopped taking data), and the test is about the app's own policy,
/// which must hold wherever that limit does not apply (disabled, long polling, a proxy in front).
/// </remarks>
public sealed class BusyMarketHubAppFixture() : HubAppFixture(
    "--Exchange:Simulator:TradesPerSecondPerSymbol=200",
    "--Hub:MaxConnectionsPerAddress=200") // all 101 clients come from loopback
{
    private const int ServerSendBufferBytes = 16 * 1024;

    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Services.Configure<SocketTransportOptions>(o => o.CreateBoundListenSocket = endpoint =>
        {
            var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
            socket.SendBufferSize = ServerSendBufferBytes;
            return socket;
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MinResponseDataRate = null);
    }
}

/// <summary>
/// "One hub client that never reads, next to 100 normal ones": the normal followers of the same
/// series keep receiving every update, in order, with bounded lag; the stalled one is dropped.
/// </summary>
public sealed class SlowFollowerTests(BusyMarketHubAppFixture hub, ITestOutputHelper output) : IClassFixture<BusyMarketHubAppFixture>
{
    private const int NormalFollowers = 100;
    private const string Symbol = "BTCUSDT";
    private const string IntervalCode = "15s";

    /// <summary>How long updates are watched after the stalled client stopped reading (its buffers fill within about 5 s).</summary>
    private static readonly TimeSpan ObservedProduction = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Generous for a 2-core box running the server and 101 clients in one process; a follower
    /// held up by the stalled one waits without end (it never reads), so any stall shows as a miss.
    /// </summary>
    private const long LagBoundP99Ms = 1_500;

    [Fact]
    public async Task A_follower_that_never_reads_does_not_hold_up_100_others_of_its_series()
    {
        var app = hub.App;
        var series = new Series(Symbol, Interval.Parse(IntervalCode));
        var produced = new ProducedUpdates();
        using var recording = app.Stream.Subscribe(Symbol, series.Interval, produced.Add);

        var followers = await Task.WhenAll(Enumerable.Range(0, NormalFollowers).Select(_ => hub.ConnectAsync()));
        RawHubClient? stalled = null;
        try
        {
            var recorders = followers.Select(f => f.RecordCandles()).ToArray();
            await Task.WhenAll(followers.Select(f => f.SubscribeAsync(Symbol, IntervalCode)));
            await Task.WhenAll(recorders.Select(r => r.UntilCountAsync(1, TimeSpan.FromSeconds(15), "a first candle")));

            // The stalled client follows 20 series (this one among them), so about 200 messages a
            // second pile up in front of its socket.
            using var connectDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            stalled = await RawHubClient.ConnectAsync(app.HubUrl, connectDeadline.Token);
            var stalledSeries = SeriesToFollow(series).ToArray();
            foreach (var s in stalledSeries)
            {
                await stalled.SubscribeAsync(s.Symbol, s.Interval.Code, connectDeadline.Token);
            }

            var stalledId = stalled.ConnectionId;
            Assert.True(
                await Poll.UntilAsync(() => app.Registry.CountFor(stalledId) == stalledSeries.Length, TimeSpan.FromSeconds(10)),
                $"the stalled client follows {stalledSeries.Length} series (has {app.Registry.CountFor(stalledId)})");
            stalled.StopReading();
            var stallBegan = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var first = produced.Count;

            // Watch what the core produces for a while after the stall began (an event count, not a sleep).
            var watched = await produced.UntilAsync(
                list => list.Count > first && list[^1].ProducedAt - stallBegan >= ObservedProduction.TotalMilliseconds,
                ObservedProduction + TimeSpan.FromSeconds(10));
            var window = watched.Skip(first).ToArray();
            var last = window[^1].Candle;

            // Every normal follower receives every one of them.
            var missing = new List<string>();
            await Task.WhenAll(recorders.Select(async (r, i) =>
            {
                try
                {
                    await r.UntilAsync(got => got.Any(m => m.Message.Candle == last), TimeSpan.FromSeconds(10), "the last update produced in the window");
                }
                catch (TimeoutException)
                {
                    lock (missing)
                    {
                        missing.Add($"#{i} got {r.Received.Count(m => window.Any(w => w.Candle == m.Message.Candle))}/{window.Length}");
                    }
                }
            }));

            var lags = new List<long>();
            var producedAt = window.GroupBy(w => w.Candle).ToDictionary(g => g.Key, g => g.First().ProducedAt);
            foreach (var recorder in recorders)
            {
                foreach (var received in recorder.Received.Where(m => producedAt.ContainsKey(m.Message.Candle)))
                {
                    lags.Add(received.ReceivedAt - producedAt[received.Message.Candle]);
                }
            }

            lags.Sort();
            var report = $"{window.Length} updates produced in {ObservedProduction.TotalSeconds:0} s after the stall began, "
                + $"{lags.Count}/{window.Length * NormalFollowers} deliveries to {NormalFollowers} followers; lag ms p50 {Percentile(lags, 0.50)}, "
                + $"p99 {Percentile(lags, 0.99)}, max {(lags.Count > 0 ? lags[^1] : -1)}; dropped slow followers {app.SlowFollowersDropped}";
            output.WriteLine(report);
            Assert.True(missing.Count == 0, $"{missing.Count} followers missed updates ({string.Join(", ", missing.Take(5))}); {report}");

            // Same updates, same order, for every follower.
            var expected = window.Select(w => w.Candle).ToArray();
            foreach (var recorder in recorders)
            {
                var got = recorder.Received.Select(m => m.Message.Candle).Where(producedAt.ContainsKey).ToArray();
                Assert.Equal(expected, got);
            }

            Assert.True(Percentile(lags, 0.99) <= LagBoundP99Ms, $"p99 lag within {LagBoundP99Ms} ms; {report}");

            // The stalled follower was dropped (SignalR aborted it) and counted, not kept forever.
            Assert.True(
                await Poll.UntilAsync(() => app.Registry.CountFor(stalledId) == 0, TimeSpan.FromSeconds(15)),
                $"the stalled connection is dropped; {report}");
            Assert.True(app.SlowFollowersDropped >= 1, $"the drop is counted; {report}");
        }
        finally
        {
            if (stalled is not null)
            {
                await stalled.DisposeAsync();
            }

            await Task.WhenAll(followers.Select(f => f.DisposeAsync().AsTask()));
        }
    }

    /// <summary>The shared series first, then others up to the hub's default cap of 20 per connection.</summary>
    private static IEnumerable<Series> SeriesToFollow(Series shared)
    {
        yield return shared;
        var others =
            from symbol in new[] { "BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT" }
            from interval in new[] { "15s", "30s", "1m", "5m", "15m" }
            select new Series(symbol, Interval.Parse(interval));
        foreach (var s in others.Where(s => s != shared).Take(19))
        {
            yield return s;
        }
    }

    private static long Percentile(List<long> sorted, double p) =>
        sorted.Count == 0 ? -1 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>The updates the core published for the series, with the server clock when it published each.</summary>
    private sealed class ProducedUpdates
    {
        private readonly object _gate = new();
        private readonly List<(CandleJson Candle, long ProducedAt)> _updates = [];

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _updates.Count;
                }
            }
        }

        public void Add(CandleUpdate update)
        {
            var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            lock (_gate)
            {
                _updates.Add((CandleJson.From(update.Candle), at));
            }
        }

        public async Task<IReadOnlyList<(CandleJson Candle, long ProducedAt)>> UntilAsync(Func<IReadOnlyList<(CandleJson Candle, long ProducedAt)>, bool> condition, TimeSpan deadline)
        {
            IReadOnlyList<(CandleJson, long)> Snapshot()
            {
                lock (_gate)
                {
                    return [.. _updates];
                }
            }

            IReadOnlyList<(CandleJson, long)>? now = null;
            Assert.True(await Poll.UntilAsync(() => condition(now = Snapshot()), deadline), $"the core kept producing updates (got {Count})");
            return now!;
        }
    }
}
