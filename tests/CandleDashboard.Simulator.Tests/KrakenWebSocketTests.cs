using System.Globalization;
using System.Text.Json;
using CandleDashboard.Simulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Simulator.Tests;

/// <summary>Kraken's WebSocket v2 trade channel over a real loopback WebSocket, on a fake clock that drives the walk.</summary>
public sealed class KrakenWebSocketTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 30, TimeSpan.Zero);

    private static async Task<(ExchangeSimulator Simulator, FakeTimeProvider Clock)> StartAsync()
    {
        var clock = new FakeTimeProvider(Start);
        var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Symbols = [],
            KrakenSymbols = ["BTCUSD"],
            KrakenTradesPerSecondPerPair = 20,
            KrakenRateLimitMaximum = 0,
            TimeProvider = clock,
        });
        return (simulator, clock);
    }

    private static async Task<StreamClient> ConnectAsync(ExchangeSimulator simulator)
    {
        var client = await StreamClient.ConnectAsync(simulator.KrakenWebSocketUri);
        var status = (await client.ReceiveAsync())!.Value;
        Assert.Equal("status", status.GetProperty("channel").GetString());
        Assert.Equal("update", status.GetProperty("type").GetString());
        var data = Assert.Single(status.GetProperty("data").EnumerateArray());
        Assert.Equal("online", data.GetProperty("system").GetString());
        Assert.Equal("v2", data.GetProperty("api_version").GetString());
        return client;
    }

    private static string Subscribe(string symbol, bool snapshot, int reqId) =>
        $$"""{"method":"subscribe","params":{"channel":"trade","symbol":["{{symbol}}"],"snapshot":{{(snapshot ? "true" : "false")}}},"req_id":{{reqId}}}""";

    /// <summary>Sends a ping and reads up to its pong: everything the server queued before it, in order.</summary>
    private static async Task<List<JsonElement>> DrainAsync(StreamClient client, int reqId)
    {
        await client.SendAsync($$"""{"method":"ping","req_id":{{reqId}}}""");
        var messages = new List<JsonElement>();
        while (true)
        {
            var message = (await client.ReceiveAsync())!.Value;
            if (message.TryGetProperty("method", out var method) && method.GetString() == "pong")
            {
                Assert.Equal(reqId, message.GetProperty("req_id").GetInt32());
                Assert.True(DateTimeOffset.TryParse(message.GetProperty("time_out").GetString(), CultureInfo.InvariantCulture, out _));
                return messages;
            }

            messages.Add(message);
        }
    }

    /// <summary>
    /// Drains (ping → pong) until the last update received is the newest trade REST knows: the walk's continuations run
    /// on the thread pool and may publish a little after the fake clock moved, so one drain could stop short.
    /// </summary>
    private static async Task<List<JsonElement>> DrainCaughtUpAsync(StreamClient client, ExchangeSimulator simulator, int reqId)
    {
        var messages = new List<JsonElement>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            messages.AddRange(await DrainAsync(client, reqId));
            var updates = Updates(messages);
            if (updates.Count > 0 && updates[^1].GetProperty("trade_id").GetInt64() == await NewestRestTradeIdAsync(simulator))
            {
                return messages;
            }

            Assert.True(DateTime.UtcNow < deadline, "the v2 feed never caught up with the tape");
        }
    }

    private static List<JsonElement> Updates(IEnumerable<JsonElement> messages) => messages
        .Where(m => m.GetProperty("channel").GetString() == "trade")
        .Select(m => { Assert.Equal("update", m.GetProperty("type").GetString()); return m; })
        .SelectMany(m => m.GetProperty("data").EnumerateArray())
        .ToList();

    private static async Task<long> NewestRestTradeIdAsync(ExchangeSimulator simulator) =>
        (await KrakenHttp.ResultAsync(simulator, "/0/public/Trades?pair=XBTUSD&count=1")).GetProperty("XXBTZUSD")[0][6].GetInt64();

    [Fact]
    public async Task Subscribe_is_acknowledged_then_a_snapshot_of_the_newest_50_then_updates_without_gaps_heartbeats_and_unsubscribe()
    {
        var (simulator, clock) = await StartAsync();
        await using var running = simulator;
        await using var client = await ConnectAsync(simulator);

        await client.SendAsync(Subscribe("BTC/USD", snapshot: true, reqId: 1));
        var ack = (await client.ReceiveAsync())!.Value;
        Assert.Equal("subscribe", ack.GetProperty("method").GetString());
        Assert.True(ack.GetProperty("success").GetBoolean());
        Assert.Equal(1, ack.GetProperty("req_id").GetInt32());
        var result = ack.GetProperty("result");
        Assert.Equal(("trade", "BTC/USD", true), (result.GetProperty("channel").GetString(), result.GetProperty("symbol").GetString(), result.GetProperty("snapshot").GetBoolean()));
        Assert.Equal("2026-03-02T10:00:30.000000Z", ack.GetProperty("time_in").GetString());
        Assert.Equal("2026-03-02T10:00:30.000000Z", ack.GetProperty("time_out").GetString());

        var snapshot = (await client.ReceiveAsync())!.Value;
        Assert.Equal(("trade", "snapshot"), (snapshot.GetProperty("channel").GetString(), snapshot.GetProperty("type").GetString()));
        var snapshotIds = snapshot.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("trade_id").GetInt64()).ToList();
        Assert.Equal(50, snapshotIds.Count);
        Assert.Equal(await NewestRestTradeIdAsync(simulator), snapshotIds[^1]);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => snapshotIds[0] + i), snapshotIds);

        // Three seconds of market: updates continue the snapshot's ids, heartbeats come once a second.
        await FakeClock.AdvanceToAsync(clock, Start.AddSeconds(3));
        var messages = await DrainCaughtUpAsync(client, simulator, 2);
        var updates = Updates(messages);
        Assert.InRange(updates.Count, 10, 200); // Poisson, mean 60
        Assert.Equal(Enumerable.Range(1, updates.Count).Select(i => snapshotIds[^1] + i), updates.Select(u => u.GetProperty("trade_id").GetInt64()));
        Assert.InRange(messages.Count(m => m.GetProperty("channel").GetString() == "heartbeat"), 1, 4);
        Assert.All(messages.Where(m => m.GetProperty("channel").GetString() == "heartbeat"), m => Assert.Equal("""{"channel":"heartbeat"}""", m.GetRawText()));

        // (A heartbeat or trade the pool ran late may still precede the ack; nothing may follow it.)
        await client.SendAsync("""{"method":"unsubscribe","params":{"channel":"trade","symbol":["BTC/USD"]},"req_id":3}""");
        var unsubscribed = await client.ReceiveUntilAsync(m => m.TryGetProperty("method", out _), TimeSpan.FromSeconds(10));
        Assert.Equal(("unsubscribe", true, 3), (unsubscribed.GetProperty("method").GetString(), unsubscribed.GetProperty("success").GetBoolean(), unsubscribed.GetProperty("req_id").GetInt32()));
        Assert.Equal("BTC/USD", unsubscribed.GetProperty("result").GetProperty("symbol").GetString());

        // Neither trades nor heartbeats follow an unsubscribed channel.
        await FakeClock.AdvanceToAsync(clock, Start.AddSeconds(6));
        Assert.Empty(await DrainAsync(client, 4));
    }

    [Fact]
    public async Task Unknown_symbols_and_bad_requests_are_answered_with_success_false_and_the_error()
    {
        var (simulator, _) = await StartAsync();
        await using var running = simulator;
        await using var client = await ConnectAsync(simulator);

        await client.SendAsync(Subscribe("DOGE/USD", snapshot: true, reqId: 7));
        var unknown = (await client.ReceiveAsync())!.Value;
        Assert.False(unknown.GetProperty("success").GetBoolean());
        Assert.Equal("Currency pair not supported DOGE/USD", unknown.GetProperty("error").GetString());
        Assert.Equal(("subscribe", "DOGE/USD", 7), (unknown.GetProperty("method").GetString(), unknown.GetProperty("symbol").GetString(), unknown.GetProperty("req_id").GetInt32()));

        // v2 writes bitcoin BTC: the v1 name XBT/USD is not a v2 symbol.
        await client.SendAsync(Subscribe("XBT/USD", snapshot: false, reqId: 8));
        Assert.Equal("Currency pair not supported XBT/USD", (await client.ReceiveAsync())!.Value.GetProperty("error").GetString());

        await client.SendAsync(Subscribe("BTC/USD", snapshot: false, reqId: 9));
        Assert.True((await client.ReceiveAsync())!.Value.GetProperty("success").GetBoolean());
        await client.SendAsync(Subscribe("BTC/USD", snapshot: false, reqId: 10));
        Assert.Equal("Already subscribed", (await client.ReceiveAsync())!.Value.GetProperty("error").GetString());

        await client.SendAsync("""{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"]},"req_id":11}""");
        var book = (await client.ReceiveAsync())!.Value;
        Assert.False(book.GetProperty("success").GetBoolean());
        Assert.Contains("book", book.GetProperty("error").GetString());

        await client.SendAsync("not json");
        Assert.False((await client.ReceiveAsync())!.Value.GetProperty("success").GetBoolean());
        await client.SendAsync("""{"method":"cancel_all","req_id":12}""");
        var unknownMethod = (await client.ReceiveAsync())!.Value;
        Assert.Equal(("Method not found", 12), (unknownMethod.GetProperty("error").GetString(), unknownMethod.GetProperty("req_id").GetInt32()));
    }

    [Fact]
    public async Task DisconnectAll_drops_the_client_and_after_reconnecting_a_new_subscribe_gets_a_fresh_snapshot()
    {
        var (simulator, clock) = await StartAsync();
        await using var running = simulator;
        var client = await ConnectAsync(simulator);
        await client.SendAsync(Subscribe("BTC/USD", snapshot: false, reqId: 1));
        Assert.True((await client.ReceiveAsync())!.Value.GetProperty("success").GetBoolean());
        Assert.Equal(1, simulator.OpenWebSocketCount);

        await simulator.DisconnectAllAsync();
        Assert.Null(await client.ReceiveAsync());
        await client.DisposeAsync();
        Assert.Equal(0, simulator.OpenWebSocketCount);

        // The market moved on while the client was away.
        await FakeClock.AdvanceToAsync(clock, Start.AddSeconds(2));
        var newest = await NewestRestTradeIdAsync(simulator);
        Assert.True(newest > 0);

        await using var again = await ConnectAsync(simulator);
        await again.SendAsync(Subscribe("BTC/USD", snapshot: true, reqId: 2));
        Assert.True((await again.ReceiveAsync())!.Value.GetProperty("success").GetBoolean());
        var snapshot = (await again.ReceiveAsync())!.Value;
        Assert.Equal("snapshot", snapshot.GetProperty("type").GetString());
        var ids = snapshot.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("trade_id").GetInt64()).ToList();
        Assert.Equal(50, ids.Count);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => ids[0] + i), ids);
        Assert.InRange(newest, ids[0], ids[^1]); // fresh: it holds what traded while the client was away (a late print may follow)
    }

    [Fact]
    public async Task A_closed_OHLC_row_is_the_aggregate_of_the_trades_broadcast_for_its_minute_and_numbers_are_exact()
    {
        var (simulator, clock) = await StartAsync();
        await using var running = simulator;
        await using var client = await ConnectAsync(simulator);
        await client.SendAsync(Subscribe("BTC/USD", snapshot: false, reqId: 1));
        Assert.True((await client.ReceiveAsync())!.Value.GetProperty("success").GetBoolean());

        // 10:00:30 → 10:03:05: the minutes 10:01 and 10:02 are broadcast whole and closed.
        await FakeClock.AdvanceToAsync(clock, Start.AddSeconds(155), TimeSpan.FromMilliseconds(100));
        var updates = Updates(await DrainCaughtUpAsync(client, simulator, 2));

        var ohlc = (await KrakenHttp.ResultAsync(simulator, "/0/public/OHLC?pair=XBTUSD&interval=1")).GetProperty("XXBTZUSD")
            .EnumerateArray().ToDictionary(r => r[0].GetInt64());
        foreach (var minute in new[] { Start.AddSeconds(30), Start.AddSeconds(90) })
        {
            var trades = updates
                .Where(u => DateTimeOffset.Parse(u.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture) is var t && t >= minute && t < minute.AddMinutes(1))
                .Select(u => (Price: decimal.Parse(u.GetProperty("price").GetRawText(), CultureInfo.InvariantCulture), Qty: decimal.Parse(u.GetProperty("qty").GetRawText(), CultureInfo.InvariantCulture)))
                .ToList();
            Assert.InRange(trades.Count, 900, 1500); // 20/s
            var row = ohlc[minute.ToUnixTimeSeconds()];
            var volume = trades.Sum(t => t.Qty);
            var vwap = decimal.Truncate(trades.Sum(t => t.Price * t.Qty) / volume * 10) / 10;
            Assert.Equal(trades[0].Price, D(row[1]));
            Assert.Equal(trades.Max(t => t.Price), D(row[2]));
            Assert.Equal(trades.Min(t => t.Price), D(row[3]));
            Assert.Equal(trades[^1].Price, D(row[4]));
            Assert.Equal(vwap, D(row[5]));
            Assert.Equal(volume, D(row[6]));
            Assert.Equal(trades.Count, row[7].GetInt64());
        }

        // The v2 numbers are the REST trades' decimals written exactly: same value, plain digits, no exponent, no trailing zeros.
        var rest = new Dictionary<long, JsonElement>();
        var cursor = Start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        while (true)
        {
            var page = await KrakenHttp.ResultAsync(simulator, $"/0/public/Trades?pair=XBTUSD&since={cursor}");
            var rows = page.GetProperty("XXBTZUSD").EnumerateArray().ToList();
            if (rows.Count == 0)
            {
                break;
            }

            rows.ForEach(r => rest.Add(r[6].GetInt64(), r));
            cursor = page.GetProperty("last").GetString()!;
        }

        Assert.Equal(rest.Keys.Where(id => id <= updates[^1].GetProperty("trade_id").GetInt64()).Order(), updates.Select(u => u.GetProperty("trade_id").GetInt64()));
        foreach (var update in updates)
        {
            var row = rest[update.GetProperty("trade_id").GetInt64()];
            var (price, qty) = (update.GetProperty("price").GetRawText(), update.GetProperty("qty").GetRawText());
            Assert.Matches(@"^\d+\.\d*[1-9]$|^\d+\.0$", price);
            Assert.Matches(@"^\d+\.\d*[1-9]$|^\d+\.0$", qty);
            Assert.Equal(D(row[0]), decimal.Parse(price, CultureInfo.InvariantCulture));
            Assert.Equal(D(row[1]), decimal.Parse(qty, CultureInfo.InvariantCulture));
            Assert.Equal(row[3].GetString() == "b" ? "buy" : "sell", update.GetProperty("side").GetString());
        }
    }

    private static decimal D(JsonElement text) => decimal.Parse(text.GetString()!, CultureInfo.InvariantCulture);
}
