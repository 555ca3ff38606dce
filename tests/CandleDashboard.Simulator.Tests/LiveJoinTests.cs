using System.Globalization;
using CandleDashboard.Simulator.Tests.Support;

namespace CandleDashboard.Simulator.Tests;

/// <summary>
/// The property history/live joining rests on: a closed REST kline equals exactly the aggregate of the
/// trades the stream broadcast for that bucket.
/// </summary>
public sealed class LiveJoinTests
{
    private sealed record StreamedTrade(long Id, decimal Price, decimal Quantity, long Time, bool IsBuyerMaker);

    [Fact]
    public async Task Closed_rest_klines_equal_the_aggregate_of_the_streamed_trades()
    {
        await using var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions { Symbols = ["BTCUSDT"], TradesPerSecondPerSymbol = 200 });
        await using var client = await StreamClient.ConnectAsync(new Uri(simulator.WebSocketBaseUri, "/ws/btcusdt@trade"));

        var trades = new List<StreamedTrade>();
        var first = Parse((await client.ReceiveAsync())!.Value);
        trades.Add(first);

        // The first complete buckets are the ones after the first trade's; wait until the stream has moved past three of them.
        var firstBucket = first.Time / 1000 * 1000 + 1000;
        var bucketsToCheck = new[] { firstBucket, firstBucket + 1000, firstBucket + 2000 };
        while (trades[^1].Time < firstBucket + 3000)
        {
            trades.Add(Parse((await client.ReceiveAsync())!.Value));
        }

        var rows = await SimulatorHttp.KlinesAsync(simulator, $"symbol=BTCUSDT&interval=1s&startTime={firstBucket}&limit=3");

        Assert.Equal(bucketsToCheck, rows.Select(r => r.OpenTime));
        foreach (var row in rows)
        {
            var inBucket = trades.Where(t => t.Time >= row.OpenTime && t.Time < row.OpenTime + 1000).ToList();
            Assert.NotEmpty(inBucket);
            Assert.Equal(inBucket[0].Price, row.Open);
            Assert.Equal(inBucket.Max(t => t.Price), row.High);
            Assert.Equal(inBucket.Min(t => t.Price), row.Low);
            Assert.Equal(inBucket[^1].Price, row.Close);
            Assert.Equal(inBucket.Sum(t => t.Quantity), row.Volume);
            Assert.Equal(inBucket.Sum(t => t.Price * t.Quantity), row.QuoteVolume);
            Assert.Equal(inBucket.Count, row.TradeCount);
            Assert.Equal(inBucket.Where(t => !t.IsBuyerMaker).Sum(t => t.Quantity), row.TakerBuyVolume);
        }

        Assert.True(trades.Zip(trades.Skip(1)).All(p => p.Second.Id == p.First.Id + 1), "trade ids are consecutive");
    }

    [Fact]
    public async Task Kline_stream_pushes_the_forming_kline_and_a_final_one_equal_to_rest()
    {
        await using var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions { Symbols = ["ETHUSDT"], TradesPerSecondPerSymbol = 100 });
        await using var client = await StreamClient.ConnectAsync(new Uri(simulator.WebSocketBaseUri, "/stream?streams=ethusdt@kline_1s"));

        var forming = await client.ReceiveUntilAsync(m => !m.GetProperty("data").GetProperty("k").GetProperty("x").GetBoolean(), TimeSpan.FromSeconds(10));
        var closed = await client.ReceiveUntilAsync(m => m.GetProperty("data").GetProperty("k").GetProperty("x").GetBoolean(), TimeSpan.FromSeconds(10));

        Assert.Equal("ethusdt@kline_1s", forming.GetProperty("stream").GetString());
        var data = closed.GetProperty("data");
        Assert.Equal("kline", data.GetProperty("e").GetString());
        var k = data.GetProperty("k");
        Assert.Equal(["t", "T", "s", "i", "f", "L", "o", "c", "h", "l", "v", "n", "x", "q", "V", "Q", "B"], k.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("1s", k.GetProperty("i").GetString());
        var openTime = k.GetProperty("t").GetInt64();
        Assert.Equal(openTime + 999, k.GetProperty("T").GetInt64());

        var rest = (await SimulatorHttp.KlinesAsync(simulator, $"symbol=ETHUSDT&interval=1s&startTime={openTime}&limit=1")).Single();
        Assert.Equal(openTime, rest.OpenTime);
        Assert.Equal(rest.Open, KlineRow.D(k.GetProperty("o")));
        Assert.Equal(rest.High, KlineRow.D(k.GetProperty("h")));
        Assert.Equal(rest.Low, KlineRow.D(k.GetProperty("l")));
        Assert.Equal(rest.Close, KlineRow.D(k.GetProperty("c")));
        Assert.Equal(rest.Volume, KlineRow.D(k.GetProperty("v")));
        Assert.Equal(rest.QuoteVolume, KlineRow.D(k.GetProperty("q")));
        Assert.Equal(rest.TradeCount, k.GetProperty("n").GetInt64());
        if (rest.TradeCount > 0)
        {
            Assert.Equal(rest.TradeCount, k.GetProperty("L").GetInt64() - k.GetProperty("f").GetInt64() + 1);
        }
    }

    private static StreamedTrade Parse(System.Text.Json.JsonElement data) => new(
        data.GetProperty("t").GetInt64(),
        decimal.Parse(data.GetProperty("p").GetString()!, CultureInfo.InvariantCulture),
        decimal.Parse(data.GetProperty("q").GetString()!, CultureInfo.InvariantCulture),
        data.GetProperty("T").GetInt64(),
        data.GetProperty("m").GetBoolean());
}
