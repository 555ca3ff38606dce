using System.Globalization;
using System.Text.Json;
using CandleDashboard.Simulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Simulator.Tests;

/// <summary>
/// Kraken's real XBT/USDT trades (../shared/data/kraken) replayed through the simulator at their own times:
/// the simulator's own OHLC must then be Kraken's official 1m OHLC, and its v2 feed must carry every trade
/// with the file's exact numbers.
/// </summary>
public sealed class KrakenReplayTests
{
    private static readonly string TradesPath = SharedData.PathOf("kraken", "XBTUSDT-trades.json");
    private static readonly string OhlcPath = SharedData.PathOf("kraken", "XBTUSDT-ohlc-1m.json");

    /// <summary>2025-11-10 17:24 … 2025-11-11 00:12 UTC: the minutes the trades file covers completely (README).</summary>
    private const long FirstCoveredMinute = 1762795440;
    private const long LastCoveredMinute = 1762819920;

    private static JsonElement Load(string path, string key) =>
        JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("result").GetProperty(key).Clone();

    /// <summary>
    /// A simulator started one second before the file's first trade, replaying at speed 1 after a one-second delay:
    /// every trade keeps its real time, and clients can subscribe before the first one.
    /// </summary>
    private static async Task<(ExchangeSimulator Simulator, FakeTimeProvider Clock)> StartReplayAsync()
    {
        var firstTime = Load(TradesPath, "XBTUSDT")[0][2].GetRawText();
        var firstMs = (long)(decimal.Parse(firstTime, CultureInfo.InvariantCulture) * 1000);
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(firstMs - 1000));
        var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Symbols = [],
            KrakenSymbols = [],
            KrakenReplayFile = TradesPath,
            KrakenRateLimitMaximum = 0,
            ReplayDelay = TimeSpan.FromSeconds(1),
            TimeProvider = clock,
        });
        return (simulator, clock);
    }

    private static async Task AdvancePastTheTapeAsync(ExchangeSimulator simulator, FakeTimeProvider clock)
    {
        clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(LastCoveredMinute + 8 * 60)); // 00:20, after the last trade (00:13:55)
        await Eventually.ReachesAsync(
            // Until the replay has delivered its first trade the answer is an empty list (a CI run polled that early).
            async () => (await KrakenHttp.ResultAsync(simulator, "/0/public/Trades?pair=XBTUSDT&count=1")).GetProperty("XBTUSDT") is var trades && trades.GetArrayLength() > 0
                ? trades[0][6].GetInt64()
                : -1,
            id => id == 10219207,
            TimeSpan.FromSeconds(20),
            "newest replayed trade id");
    }

    [Fact]
    public async Task Replayed_trades_rebuild_Krakens_official_1m_OHLC_for_all_409_fully_covered_minutes()
    {
        var (simulator, clock) = await StartReplayAsync();
        await using var _ = simulator;
        await AdvancePastTheTapeAsync(simulator, clock);

        var result = await KrakenHttp.ResultAsync(simulator, "/0/public/OHLC?pair=XBTUSDT&interval=1");
        var served = result.GetProperty("XBTUSDT").EnumerateArray().ToDictionary(r => r[0].GetInt64());
        var official = Load(OhlcPath, "XBTUSDT").EnumerateArray()
            .Where(r => r[0].GetInt64() is >= FirstCoveredMinute and <= LastCoveredMinute)
            .ToList();

        Assert.Equal(409, official.Count);
        Assert.Equal(137, official.Count(r => r[7].GetInt64() == 0));
        foreach (var row in official)
        {
            var time = row[0].GetInt64();
            Assert.True(served.TryGetValue(time, out var mine), $"no simulated row at {time}");

            // Same text, field by field: open, high, low, close, vwap (truncated to 1 decimal), volume, count.
            for (var field = 1; field <= 6; field++)
            {
                Assert.True(row[field].GetString() == mine[field].GetString(), $"minute {time} field {field}: official {row[field]} simulated {mine[field]}");
            }

            Assert.Equal(row[7].GetInt64(), mine[7].GetInt64());
        }

        // 00:20 forms; the last committed row is 00:19.
        Assert.Equal(LastCoveredMinute + 8 * 60, served.Keys.Max());
        Assert.Equal(LastCoveredMinute + 7 * 60, result.GetProperty("last").GetInt64());
    }

    [Fact]
    public async Task Replayed_trades_leave_the_v2_feed_and_the_Trades_endpoint_with_the_files_exact_values()
    {
        var (simulator, clock) = await StartReplayAsync();
        await using var _ = simulator;
        await using var client = await StreamClient.ConnectAsync(simulator.KrakenWebSocketUri);
        Assert.Equal("status", (await client.ReceiveAsync())!.Value.GetProperty("channel").GetString());
        await client.SendAsync("""{"method":"subscribe","params":{"channel":"trade","symbol":["BTC/USDT"],"snapshot":false},"req_id":3}""");
        var ack = (await client.ReceiveAsync())!.Value;
        Assert.True(ack.GetProperty("success").GetBoolean());

        var file = Load(TradesPath, "XBTUSDT").EnumerateArray().ToList();
        clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(LastCoveredMinute + 8 * 60));

        var updates = new List<JsonElement>();
        while (updates.Count < file.Count)
        {
            var message = (await client.ReceiveAsync())!.Value;
            if (message.GetProperty("channel").GetString() == "trade")
            {
                Assert.Equal("update", message.GetProperty("type").GetString());
                updates.AddRange(message.GetProperty("data").EnumerateArray());
            }
        }

        for (var i = 0; i < file.Count; i++)
        {
            var (row, update) = (file[i], updates[i]);
            Assert.Equal(row[6].GetInt64(), update.GetProperty("trade_id").GetInt64());
            Assert.Equal("BTC/USDT", update.GetProperty("symbol").GetString());

            // The JSON number's own text is the file's decimal without its trailing zeros: no double ever touched it.
            Assert.Equal(Trimmed(row[0].GetString()!), update.GetProperty("price").GetRawText());
            Assert.Equal(Trimmed(row[1].GetString()!), update.GetProperty("qty").GetRawText());
            Assert.Equal(row[3].GetString() == "b" ? "buy" : "sell", update.GetProperty("side").GetString());
            Assert.Equal(row[4].GetString() == "l" ? "limit" : "market", update.GetProperty("ord_type").GetString());
            var ns = (long)(decimal.Parse(row[2].GetRawText(), CultureInfo.InvariantCulture) * 1_000_000_000m);
            Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(ns / 100).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture), update.GetProperty("timestamp").GetString());
        }

        Assert.Equal("105433.6", updates[0].GetProperty("price").GetRawText());
        Assert.Equal("0.00027625", updates[0].GetProperty("qty").GetRawText());
        Assert.Equal("2025-11-10T17:23:53.971744Z", updates[0].GetProperty("timestamp").GetString());

        // REST Trades pages from the first replayed trade's second reproduce the file row for row (time text included).
        var page = (await KrakenHttp.ResultAsync(simulator, "/0/public/Trades?pair=XBTUSDT&since=1762795433")).GetProperty("XBTUSDT").EnumerateArray().ToList();
        var fromFile = page.SkipWhile(r => r[6].GetInt64() != 10218208).ToList();
        Assert.Equal(file.Count, fromFile.Count);
        for (var i = 0; i < file.Count; i++)
        {
            Assert.Equal(file[i].GetRawText().Replace(" ", "").Replace("\n", ""), fromFile[i].GetRawText());
        }
    }

    private static string Trimmed(string text)
    {
        var trimmed = text.TrimEnd('0');
        return trimmed.EndsWith('.') ? trimmed + "0" : trimmed;
    }
}
