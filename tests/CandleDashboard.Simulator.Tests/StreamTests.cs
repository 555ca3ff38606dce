using System.Text.Json;
using CandleDashboard.Simulator.Tests.Support;

namespace CandleDashboard.Simulator.Tests;

/// <summary>Trade streams over real WebSockets: combined and raw frames, live subscription requests, disconnects.</summary>
public sealed class StreamTests : IAsyncLifetime
{
    private ExchangeSimulator _simulator = null!;

    public async Task InitializeAsync() =>
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions { TradesPerSecondPerSymbol = 100 });

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Combined_stream_frames_carry_binance_trade_and_agg_trade_events_with_increasing_ids()
    {
        await using var client = await StreamClient.ConnectAsync(new Uri(_simulator.WebSocketBaseUri, "/stream?streams=btcusdt@trade/ethusdt@aggTrade"));
        var lastId = new Dictionary<string, long>();
        var seen = new HashSet<string>();

        for (var i = 0; i < 200; i++)
        {
            var frame = (await client.ReceiveAsync())!.Value;
            var stream = frame.GetProperty("stream").GetString()!;
            var data = frame.GetProperty("data");
            seen.Add(stream);
            var id = stream switch
            {
                "btcusdt@trade" => AssertTrade(data),
                "ethusdt@aggTrade" => AssertAggTrade(data),
                _ => throw new Xunit.Sdk.XunitException("unexpected stream " + stream),
            };
            if (lastId.TryGetValue(stream, out var previous))
            {
                Assert.True(id > previous, $"{stream}: id {id} after {previous}");
            }

            lastId[stream] = id;
        }

        Assert.Equal(["btcusdt@trade", "ethusdt@aggTrade"], seen.Order());
    }

    [Fact]
    public async Task Raw_stream_sends_bare_events()
    {
        await using var client = await StreamClient.ConnectAsync(new Uri(_simulator.WebSocketBaseUri, "/ws/solusdt@trade"));

        var data = (await client.ReceiveAsync())!.Value;

        Assert.False(data.TryGetProperty("stream", out _));
        AssertTrade(data);
        Assert.Equal("SOLUSDT", data.GetProperty("s").GetString());
    }

    [Fact]
    public async Task Subscribe_list_and_unsubscribe_work_like_binance()
    {
        await using var client = await StreamClient.ConnectAsync(new Uri(_simulator.WebSocketBaseUri, "/ws"));

        await client.SendAsync("""{"method":"SUBSCRIBE","params":["bnbusdt@trade","btcusdt@aggTrade"],"id":1}""");
        var subscribed = await client.ReceiveUntilAsync(IsReply, TimeSpan.FromSeconds(10));
        Assert.Equal("""{"result":null,"id":1}""", subscribed.GetRawText());

        var trade = await client.ReceiveUntilAsync(m => m.TryGetProperty("e", out var e) && e.GetString() == "trade", TimeSpan.FromSeconds(10));
        Assert.Equal("BNBUSDT", trade.GetProperty("s").GetString());

        await client.SendAsync("""{"method":"LIST_SUBSCRIPTIONS","id":2}""");
        var list = await client.ReceiveUntilAsync(IsReply, TimeSpan.FromSeconds(10));
        Assert.Equal(2, list.GetProperty("id").GetInt32());
        Assert.Equal(["bnbusdt@trade", "btcusdt@aggTrade"], list.GetProperty("result").EnumerateArray().Select(s => s.GetString()!).ToArray());

        await client.SendAsync("""{"method":"UNSUBSCRIBE","params":["bnbusdt@trade"],"id":3}""");
        Assert.Equal("""{"result":null,"id":3}""", (await client.ReceiveUntilAsync(IsReply, TimeSpan.FromSeconds(10))).GetRawText());
        await client.SendAsync("""{"method":"LIST_SUBSCRIPTIONS","id":4}""");
        var after = await client.ReceiveUntilAsync(IsReply, TimeSpan.FromSeconds(10));
        Assert.Equal(["btcusdt@aggTrade"], after.GetProperty("result").EnumerateArray().Select(s => s.GetString()!).ToArray());

        // After the UNSUBSCRIBE reply only aggTrades may arrive.
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal("aggTrade", (await client.ReceiveAsync())!.Value.GetProperty("e").GetString());
        }
    }

    [Theory]
    [InlineData("""{"method":"SUBSCRIBE","params":["btcusdt@nonsense"],"id":7}""", 2)]
    [InlineData("""{"method":"SUBSCRIBE","params":"btcusdt@trade","id":7}""", 1)]
    [InlineData("""{"method":"FLY","params":[],"id":7}""", 2)]
    [InlineData("""{"method":"SUBSCRIBE","params":[],"id":7,"extra":1}""", 0)]
    [InlineData("""{"method":"SUBSCRIBE",""", 3)]
    public async Task Bad_requests_get_binance_stream_errors(string request, int code)
    {
        await using var client = await StreamClient.ConnectAsync(new Uri(_simulator.WebSocketBaseUri, "/ws"));

        await client.SendAsync(request);
        var reply = (await client.ReceiveAsync())!.Value;

        Assert.Equal(code, reply.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, client.State);
    }

    [Fact]
    public async Task Combined_property_switches_the_envelope()
    {
        await using var client = await StreamClient.ConnectAsync(new Uri(_simulator.WebSocketBaseUri, "/ws/btcusdt@trade"));

        await client.SendAsync("""{"method":"SET_PROPERTY","params":["combined",true],"id":5}""");
        await client.ReceiveUntilAsync(m => IsReply(m) && m.GetProperty("id").GetInt32() == 5, TimeSpan.FromSeconds(10));
        var wrapped = await client.ReceiveUntilAsync(m => m.TryGetProperty("stream", out _), TimeSpan.FromSeconds(10));

        Assert.Equal("btcusdt@trade", wrapped.GetProperty("stream").GetString());
    }

    [Fact]
    public async Task Disconnect_all_drops_every_client_and_they_can_reconnect()
    {
        await using var first = await StreamClient.ConnectAsync(new Uri(_simulator.WebSocketBaseUri, "/ws/btcusdt@trade"));
        await using var second = await StreamClient.ConnectAsync(new Uri(_simulator.WebSocketBaseUri, "/stream?streams=ethusdt@trade"));
        Assert.NotNull(await first.ReceiveAsync());
        Assert.NotNull(await second.ReceiveAsync());
        Assert.True(_simulator.OpenWebSocketCount >= 2);

        await _simulator.DisconnectAllAsync();

        Assert.Equal(0, _simulator.OpenWebSocketCount);
        Assert.Null(await Drain(first));
        Assert.Null(await Drain(second));
        await using var again = await StreamClient.ConnectAsync(new Uri(_simulator.WebSocketBaseUri, "/ws/btcusdt@trade"));
        Assert.NotNull(await again.ReceiveAsync());
    }

    [Fact]
    public async Task Invalid_stream_in_url_is_refused()
    {
        await Assert.ThrowsAnyAsync<System.Net.WebSockets.WebSocketException>(
            () => StreamClient.ConnectAsync(new Uri(_simulator.WebSocketBaseUri, "/ws/BTCUSDT@depth")));
    }

    /// <summary>Reads what was already in flight until the drop shows; returns null once the connection is gone.</summary>
    private static async Task<JsonElement?> Drain(StreamClient client)
    {
        for (var i = 0; i < 100_000; i++)
        {
            if (await client.ReceiveAsync(TimeSpan.FromSeconds(5)) is null)
            {
                return null;
            }
        }

        return default(JsonElement);
    }

    private static bool IsReply(JsonElement message) => message.TryGetProperty("id", out _);

    private static long AssertTrade(JsonElement data)
    {
        Assert.Equal("trade", data.GetProperty("e").GetString());
        Assert.Equal(["e", "E", "s", "t", "p", "q", "T", "m", "M"], data.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Matches(@"^\d+\.\d{8}$", data.GetProperty("p").GetString());
        Assert.Matches(@"^\d+\.\d{8}$", data.GetProperty("q").GetString());
        Assert.True(data.GetProperty("E").GetInt64() >= data.GetProperty("T").GetInt64());
        Assert.True(data.GetProperty("M").GetBoolean());
        return data.GetProperty("t").GetInt64();
    }

    private static long AssertAggTrade(JsonElement data)
    {
        Assert.Equal("aggTrade", data.GetProperty("e").GetString());
        Assert.Equal(["e", "E", "s", "a", "p", "q", "f", "l", "T", "m", "M"], data.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("ETHUSDT", data.GetProperty("s").GetString());
        Assert.True(data.GetProperty("f").GetInt64() <= data.GetProperty("l").GetInt64());
        return data.GetProperty("a").GetInt64();
    }
}
