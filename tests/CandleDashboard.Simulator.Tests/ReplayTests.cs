using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CandleDashboard.Simulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Simulator.Tests;

/// <summary>Replay of a real Binance trades dump: every row, in order, time-shifted to start and compressed by the speed.</summary>
public sealed class ReplayTests
{
    private static readonly string CsvPath = Path.Combine(AppContext.BaseDirectory, "TestData", "BTCUSDT-trades-2021-01-01-slice.csv");

    private sealed record CsvRow(long Id, string Price, string Quantity, long Time, bool IsBuyerMaker);

    private static List<CsvRow> ReadCsv() => File.ReadLines(CsvPath)
        .Select(line => line.Split(','))
        .Select(f => new CsvRow(long.Parse(f[0], CultureInfo.InvariantCulture), f[1], f[2], long.Parse(f[4], CultureInfo.InvariantCulture), bool.Parse(f[5])))
        .ToList();

    [Fact]
    public async Task Every_row_is_replayed_in_order_with_times_shifted_to_start_and_divided_by_the_speed()
    {
        var start = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        var rows = ReadCsv();
        await using var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Symbols = [],
            ReplayFile = CsvPath,
            ReplaySpeed = 10,
            ReplayDelay = TimeSpan.FromSeconds(1),
            TimeProvider = clock,
        });
        await using var client = await StreamClient.ConnectAsync(new Uri(simulator.WebSocketBaseUri, "/ws/btcusdt@trade"));
        await WaitUntilSubscribed(client);

        clock.Advance(TimeSpan.FromSeconds(30));
        var received = new List<JsonElement>();
        while (received.Count < rows.Count)
        {
            received.Add((await client.ReceiveAsync())!.Value);
        }

        var replayStart = start.ToUnixTimeMilliseconds() + 1000;
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, trade) = (rows[i], received[i]);
            Assert.Equal(row.Id, trade.GetProperty("t").GetInt64());
            Assert.Equal(decimal.Parse(row.Price, CultureInfo.InvariantCulture), decimal.Parse(trade.GetProperty("p").GetString()!, CultureInfo.InvariantCulture));
            Assert.Equal(decimal.Parse(row.Quantity, CultureInfo.InvariantCulture), decimal.Parse(trade.GetProperty("q").GetString()!, CultureInfo.InvariantCulture));
            Assert.Equal(row.IsBuyerMaker, trade.GetProperty("m").GetBoolean());
            Assert.Equal(replayStart + (long)Math.Floor((row.Time - rows[0].Time) / 10.0), trade.GetProperty("T").GetInt64());
        }

        // History joins the replay: the last generated kline closes where the replay opens.
        var history = await SimulatorHttp.KlinesAsync(simulator, $"symbol=BTCUSDT&interval=1m&endTime={start.ToUnixTimeMilliseconds() - 60_000}&limit=1");
        Assert.Equal(decimal.Parse(rows[0].Price, CultureInfo.InvariantCulture), history[0].Close);
    }

    [Trait("Category", "Benchmark")]
    [Fact]
    public async Task Real_time_replay_at_100x_takes_the_recorded_span_divided_by_100()
    {
        var rows = ReadCsv();

        // Started before the simulator samples its start instant, so no trade can be due earlier on this clock.
        var clock = Stopwatch.StartNew();
        await using var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Symbols = ["ETHUSDT"],
            ReplayFile = CsvPath,
            ReplaySpeed = 100,
            ReplayDelay = TimeSpan.FromSeconds(2),
        });
        await using var client = await StreamClient.ConnectAsync(new Uri(simulator.WebSocketBaseUri, "/ws/btcusdt@trade"));

        var ids = new List<long>();
        while (ids.Count == 0 || ids[^1] != rows[^1].Id)
        {
            ids.Add((await client.ReceiveAsync())!.Value.GetProperty("t").GetInt64());
        }

        // The last row is due 2 s (delay) + recorded span / 100 (1.677 s) after start. A client that connected
        // late on a loaded machine may have missed the first rows, but what it got is the file's tail, in order.
        var expected = TimeSpan.FromSeconds(2) + TimeSpan.FromMilliseconds((rows[^1].Time - rows[0].Time) / 100.0);
        Assert.True(ids.Count >= rows.Count / 2, $"only {ids.Count} of {rows.Count} rows received");
        Assert.Equal(rows.Skip(rows.Count - ids.Count).Select(r => r.Id), ids);
        Assert.InRange(clock.Elapsed, expected, expected + TimeSpan.FromSeconds(5));
    }

    private static async Task WaitUntilSubscribed(StreamClient client)
    {
        await client.SendAsync("""{"method":"LIST_SUBSCRIPTIONS","id":1}""");
        await client.ReceiveUntilAsync(m => m.TryGetProperty("id", out _), TimeSpan.FromSeconds(10));
    }
}
