using System.Net;
using System.Net.WebSockets;
using System.Text;
using CandleDashboard.Integration.Tests;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.SignalR.Client;

namespace CandleDashboard.Fault.Tests;

/// <summary>
/// Generated hostile requests against the running app: 1,000 API requests and 1,000 hub frames, each
/// built by FsCheck from hostile pieces (path traversal, huge numbers, control characters, wrong JSON
/// types, unknown hub targets). Nothing may answer 5xx, every API refusal is a ProblemDetails, and the
/// app keeps answering throughout.
/// </summary>
public sealed class HostileRequestTests(FaultFixture stores) : IClassFixture<FaultFixture>
{
    private static readonly string[] Pieces =
    [
        "BTCUSDT", "btcusdt", "ETHUSDT", "1m", "15s", "1h", "", " ", "%00", "%2e%2e%2f", "../../etc/passwd", "<script>", "'; DROP TABLE candles;--",
        "%F0%9F%92%A5", "9999999999999999999999", "-1", "0", "1e9", "NaN", "%20", new string('A', 3000), "%", "%zz", "null", "true",
    ];

    private static readonly string[] Paths =
    [
        "api/candles/{0}/{1}?count={2}&includeLive={3}", "api/candles/{0}/{1}/latest", "api/live-candle?symbol={0}&interval={1}",
        "api/symbols?{0}={1}", "api/intervals/{0}", "api/candles/{0}", "api/{0}/{1}/{2}", "readyz?{0}", "healthz/{0}",
    ];

    [Fact]
    public async Task A_thousand_hostile_api_requests_get_no_5xx_and_every_refusal_explains_itself()
    {
        await using var exchange = await FaultFixture.StartExchangeAsync();
        await using var app = await AppInstance.StartAsync(stores.AppArgs(exchange, postgres: null, redis: false, "--Api:RateLimit:Enabled=false"));
        await using var health = new HealthWatch(app.BaseAddress);
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var statuses = new Dictionary<int, int>();

        var requests = from path in Gen.Elements(Paths)
                       from a in Gen.Elements(Pieces)
                       from b in Gen.Elements(Pieces)
                       from c in Gen.Elements(Pieces)
                       from d in Gen.Elements(Pieces)
                       select string.Format(System.Globalization.CultureInfo.InvariantCulture, path, a, b, c, d);
        var property = Prop.ForAll(requests.ToArbitrary(), path =>
        {
            using var response = http.GetAsync(path).GetAwaiter().GetResult();
            var status = (int)response.StatusCode;
            lock (statuses)
            {
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
            }

            var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";

            // Kestrel itself refuses a NUL in the path with a bare 400, and a request line over its 8 KB
            // limit (three or four of the 3,000-character pieces) with a bare 414, before any of our code runs.
            var refusedByServer = (status == 400 && path.Contains("%00", StringComparison.Ordinal))
                || (status == 414 && path.Length > 8_000);
            return status < 500 && (status < 400 || !path.StartsWith("api/", StringComparison.Ordinal) || isProblem || status == 404 || refusedByServer);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1_000), property);

        Assert.Equal(1_000, statuses.Values.Sum());
        Assert.True(statuses.GetValueOrDefault(400) > 100, string.Join(", ", statuses)); // mostly refused, with reasons
        health.AssertAnsweredThroughout(atLeastProbes: 1);
    }

    [Fact]
    public async Task A_thousand_hostile_hub_frames_crash_nothing_and_a_normal_follower_still_subscribes()
    {
        await using var exchange = await FaultFixture.StartExchangeAsync();
        await using var app = await AppInstance.StartAsync(stores.AppArgs(exchange, postgres: null, redis: false));
        await using var health = new HealthWatch(app.BaseAddress);
        var hub = new Uri(app.BaseAddress, "hubs/candles").ToString().Replace("http", "ws", StringComparison.Ordinal);

        var arguments = Gen.Elements(
            "[\"BTCUSDT\",\"1m\"]", "[]", "[null,null]", "[1,2]", "[{},[]]", "[\"BTCUSDT\"]", "[\"" + new string('x', 5000) + "\",\"1m\"]",
            "[\"BTCUSDT\",\"1m\",\"extra\"]", "[\"\\u0000\",\"\\ud800\"]", "[true,false]", "\"not an array\"", "[\"BTCUSDT\",\"1y\"]");
        var targets = Gen.Elements("Subscribe", "Unsubscribe", "subscribe", "OnConnectedAsync", "Dispose", "", "ToString", "../Subscribe");
        var frames = Gen.OneOf(
            from target in targets
            from args in arguments
            from type in Gen.Elements(1, 1, 1, 4, 5, 6, 7, 99, -1)
            select $"{{\"type\":{type},\"invocationId\":\"1\",\"target\":\"{target}\",\"arguments\":{args}}}\u001e",
            Gen.Elements("{\u001e", "\u001e", "{\"type\":\"one\"}\u001e", "[1,2,3]\u001e", "{\"type\":1}\u001e", "\u0000\u0000\u001e"));

        var sent = 0;
        var batches = frames.ListOf(50); // 20 connections × 50 frames
        var property = Prop.ForAll(batches.ToArbitrary(), batch =>
        {
            SendOnFreshConnectionAsync(hub, batch).GetAwaiter().GetResult();
            Interlocked.Add(ref sent, batch.Count);
            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(20), property);

        // After all that, a normal follower connects and subscribes as usual.
        var follower = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "hubs/candles")).Build();
        await using (follower)
        {
            await follower.StartAsync();
            await follower.InvokeAsync("Subscribe", "BTCUSDT", "1m");
        }

        Assert.True(sent >= 900, $"{sent} frames sent");
        health.AssertAnsweredThroughout(atLeastProbes: 1);
    }

    /// <summary>Handshakes like a SignalR JSON client, then sends the frames; the server may close on a protocol error.</summary>
    private static async Task SendOnFreshConnectionAsync(string hub, IReadOnlyList<string> frames)
    {
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(new Uri(hub), timeout.Token);
        await SendAsync(socket, "{\"protocol\":\"json\",\"version\":1}\u001e", timeout.Token);
        foreach (var frame in frames)
        {
            if (socket.State != WebSocketState.Open)
            {
                return; // closed for a protocol error: a clear refusal
            }

            try
            {
                await SendAsync(socket, frame, timeout.Token);
            }
            catch (WebSocketException)
            {
                return;
            }
        }
    }

    private static Task SendAsync(ClientWebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
}
