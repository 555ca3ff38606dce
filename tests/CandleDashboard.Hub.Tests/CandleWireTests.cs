using System.Text.Json;
using System.Text.Json.Nodes;
using CandleDashboard.Contracts;

namespace CandleDashboard.Hub.Tests;

/// <summary>
/// The <c>candle</c> message on the wire is exactly the contract records (CandleMessage with the
/// REST API's CandleJson inside): the same names and JSON kinds, and nothing more or less.
/// </summary>
[Collection(LiveHubCollection.Name)]
public sealed class CandleWireTests(HubAppFixture hub)
{
    [Fact]
    public async Task Candle_messages_round_trip_through_the_contract_records()
    {
        // The .NET client binds all handlers of a method to one type, so the raw JSON and the typed
        // record come over two connections on one series; the group broadcast sends both the same messages.
        await using var typedClient = await hub.ConnectAsync();
        await using var rawClient = await hub.ConnectAsync();
        var typed = typedClient.RecordCandles();
        var raw = rawClient.Record<JsonElement>("candle");

        await typedClient.SubscribeAsync("ETHUSDT", "1m");
        await rawClient.SubscribeAsync("ETHUSDT", "1m");
        var first = (await raw.UntilCountAsync(1, TimeSpan.FromSeconds(10), "a candle")).First().Message;

        Assert.Equal(["candle", "exchange", "interval", "sentAt", "symbol"], WireJson.Names(first));
        var candle = first.GetProperty("candle");
        Assert.Equal(["close", "closed", "high", "low", "open", "openTime", "quoteVolume", "source", "tradeCount", "volume"], WireJson.Names(candle));
        foreach (var name in new[] { "open", "high", "low", "close", "volume", "quoteVolume", "source" })
        {
            Assert.Equal(JsonValueKind.String, candle.GetProperty(name).ValueKind);
        }

        foreach (var name in new[] { "openTime", "tradeCount" })
        {
            Assert.Equal(JsonValueKind.Number, candle.GetProperty(name).ValueKind);
        }

        Assert.Contains(candle.GetProperty("closed").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.Equal(JsonValueKind.Number, first.GetProperty("sentAt").ValueKind);

        // A strict read gives the record the client's own deserializer gave, and writing it back gives the same JSON.
        var parsed = first.Deserialize<CandleMessage>(WireJson.Strict)!;
        Assert.Equal(("binance", "ETHUSDT", "1m"), (parsed.Exchange, parsed.Symbol, parsed.Interval));
        await typed.UntilAsync(m => m.Any(r => r.Message == parsed), TimeSpan.FromSeconds(10), $"the typed twin of {parsed}");
        var written = JsonSerializer.SerializeToNode(parsed, WireJson.Strict);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(first.GetRawText()), written), $"{first.GetRawText()} vs {written!.ToJsonString()}");
    }
}
