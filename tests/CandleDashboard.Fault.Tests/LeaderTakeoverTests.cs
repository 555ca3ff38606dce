using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CandleDashboard.Tests.Shared;
using Xunit.Abstractions;

namespace CandleDashboard.Fault.Tests;

/// <summary>
/// Two app processes on one redis-server and one postgres behave as one (issue 12 point 4): one holds the
/// exchange's connection and runs the fetcher, the candles it builds reach the other's hub clients, and when it
/// is killed (SIGKILL: no shutdown, its lease never released) the other takes over within 10 s, with no official
/// candle missing, doubled or wrong.
/// </summary>
public sealed class LeaderTakeoverTests(FaultFixture stores, ITestOutputHelper output) : IClassFixture<FaultFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan TakeoverGoal = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task One_instance_leads_the_other_relays_its_candles_and_takes_over_within_10_s_when_it_is_killed()
    {
        await using var exchange = await FaultFixture.StartExchangeAsync();
        var postgres = await stores.FreshStoresAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        // A starts alone and leads; B joins and follows.
        using var a = AppProcess.Start(stores.AppArgs(exchange, postgres), out var onA);
        await AppProcess.WaitUntilAnsweringAsync(onA, Patience);
        await Eventually.ReachesAsync(() => LeaderAsync(http, onA), role => role == 1, Patience, "A leads");
        using var b = AppProcess.Start(stores.AppArgs(exchange, postgres), out var onB);
        await AppProcess.WaitUntilAnsweringAsync(onB, Patience);
        await Eventually.ReachesAsync(() => LeaderAsync(http, onB), role => role == 0, Patience, "B follows");
        Assert.Equal(1, await LeaderAsync(http, onA));

        // Exactly one exchange connection: the leader's.
        Assert.Equal(1, exchange.OpenWebSocketCount);
        Assert.Equal(0, await MetricAsync(http, onB, "candledashboard_trades_in_total"));

        // A hub client on B hears the candles A builds, with A's values.
        await using (var followerOnA = await CandleFollower.FollowAsync(onA, "BTCUSDT", "15s"))
        await using (var followerOnB = await CandleFollower.FollowAsync(onB, "BTCUSDT", "15s"))
        {
            var heardOnB = await Eventually.ReachesAsync(() => followerOnB.Heard, h => h.Count(m => m.Candle.Closed) >= 1 && h.Count >= 20, Patience, "B's client hears candles");
            var fromA = await Eventually.ReachesAsync(
                () => followerOnA.Heard.Select(m => m.Candle).ToHashSet(),
                seen => heardOnB.All(m => seen.Contains(m.Candle)),
                TimeSpan.FromSeconds(10),
                "every candle B's client heard was one A built");
            Assert.Contains(heardOnB, m => m.Candle.Closed && fromA.Contains(m.Candle));
        }

        // The repository's reverse proxy in front of both: a browser is pinned to one instance by its cookie.
        using var proxy = await ReverseProxy.StartAsync(onA, onB);
        var (pinned, role) = await ThroughProxyAsync(proxy, instance: null);
        Assert.Contains(pinned, new[] { "app1", "app2" });
        for (var k = 0; k < 5; k++)
        {
            Assert.Equal((pinned, role), await ThroughProxyAsync(proxy, pinned));
        }

        Assert.Equal(1, (await ThroughProxyAsync(proxy, "app1")).Leader);
        Assert.Equal(0, (await ThroughProxyAsync(proxy, "app2")).Leader);

        // Kill the leader. B takes the lease over once A's lease expires, and the exchange connection with it.
        a.Kill();
        var killed = Stopwatch.StartNew();
        await a.WaitForExitAsync();
        await Eventually.ReachesAsync(() => LeaderAsync(http, onB), role => role == 1, TakeoverGoal * 2, "B leads");
        var takeover = killed.Elapsed;
        output.WriteLine($"takeover: {takeover.TotalSeconds:0.00} s after the kill");
        Assert.True(takeover <= TakeoverGoal, $"B took over {takeover.TotalSeconds:0.0} s after A was killed (goal: {TakeoverGoal.TotalSeconds:0} s)");
        await Eventually.ReachesAsync(() => exchange.OpenWebSocketCount, open => open == 1, TimeSpan.FromSeconds(10), "B's own exchange connection");

        // B's clients now get candles B builds from its own trades: a bucket that opened after the kill.
        var afterKill = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using (var follower = await CandleFollower.FollowAsync(onB, "BTCUSDT", "15s"))
        {
            await Eventually.ReachesAsync(() => follower.Heard, h => h.Any(m => m.Candle.OpenTime > afterKill && m.Candle.TradeCount > 0), Patience, "candles built on B");
        }

        // A browser pinned to the dead instance is sent to the survivor once the proxy's check has marked it down.
        await Eventually.ReachesAsync(() => ThroughProxyAsync(proxy, "app1"), answer => answer.Leader == 1, Patience, "app1's browsers served by app2");

        // Official candles across the takeover: one per open time, none missing, equal to the exchange's klines,
        // in the API and in both stores.
        await InvariantCheck.AssertCleanAsync(onB, exchange.RestBaseUri);
        await StoreCheck.AssertBothStoresContiguousAsync(postgres, stores.Redis.ConnectionString, buckets: 20, Patience);

        b.Kill();
    }

    /// <summary>
    /// Asks the proxy for /metrics as a browser pinned to <paramref name="instance"/> (a fresh one when null): returns the
    /// instance the proxy pins the browser to afterwards (its cookie) and that instance's leader gauge.
    /// </summary>
    private static async Task<(string? Instance, int? Leader)> ThroughProxyAsync(ReverseProxy proxy, string? instance)
    {
        var cookies = new System.Net.CookieContainer();
        if (instance is not null)
        {
            cookies.Add(proxy.Address, new System.Net.Cookie("CD_INSTANCE", instance));
        }

        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { Timeout = TimeSpan.FromSeconds(5) };
        var leader = await LeaderAsync(http, proxy.Address);
        return (cookies.GetCookies(proxy.Address)["CD_INSTANCE"]?.Value, leader);
    }

    /// <summary>The instance's <c>candledashboard_leader</c> gauge for the exchange: 1 leads, 0 follows, null before it is reported.</summary>
    private static async Task<int?> LeaderAsync(HttpClient http, Uri app) => (int?)await MetricAsync(http, app, "candledashboard_leader");

    private static async Task<decimal?> MetricAsync(HttpClient http, Uri app, string name)
    {
        try
        {
            var text = await http.GetStringAsync(new Uri(app, "metrics"));
            var match = Regex.Match(text, $@"^{name}\{{[^}}]*exchange=""binance""[^}}]*\}} (\S+)", RegexOptions.Multiline);
            return match.Success ? decimal.Parse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }
}
