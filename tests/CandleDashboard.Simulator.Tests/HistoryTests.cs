using System.Diagnostics;
using CandleDashboard.Core.Market;
using CandleDashboard.Simulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace CandleDashboard.Simulator.Tests;

/// <summary>History exists at start for every chart interval, empty buckets are flat, and a seed reproduces it.</summary>
public sealed class HistoryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_default_chart_interval_opens_with_at_least_300_closed_candles()
    {
        var clock = Stopwatch.StartNew();
        await using var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions());
        output.WriteLine($"StartAsync with history for 4 symbols: {clock.ElapsedMilliseconds} ms");

        foreach (var code in new[] { "1m", "5m", "15m", "1h", "4h", "1d" })
        {
            var rows = await SimulatorHttp.KlinesAsync(simulator, $"symbol=BNBUSDT&interval={code}&limit=1000");
            var closed = rows.Count(r => r.CloseTime < DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            output.WriteLine($"{code}: {rows.Count} klines, {closed} closed, {rows.Count(r => r.TradeCount == 0)} empty");
            Assert.True(closed >= 300, $"{code} has only {closed} closed klines");
        }

        // 15s and 30s charts are assembled from 1s klines: 300 × 15 s needs 4,500 of them.
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var oneSecond = new List<KlineRow>();
        var start = now - 3 * 3_600_000L;
        while (true)
        {
            var page = await SimulatorHttp.KlinesAsync(simulator, $"symbol=BNBUSDT&interval=1s&startTime={start}&limit=1000");
            if (page.Count == 0)
            {
                break;
            }

            oneSecond.AddRange(page);
            start = page[^1].OpenTime + 1;
        }

        output.WriteLine($"1s: {oneSecond.Count} klines");
        Assert.True(oneSecond.Count >= 4_500);
        Assert.True(oneSecond.Zip(oneSecond.Skip(1)).All(p => p.Second.OpenTime == p.First.OpenTime + 1_000));
    }

    [Fact]
    public async Task Empty_buckets_are_flat_at_the_previous_close_and_coarse_klines_aggregate_fine_ones()
    {
        await using var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions { Symbols = ["SOLUSDT"] });
        var oneSecond = await SimulatorHttp.KlinesAsync(simulator, "symbol=SOLUSDT&interval=1s&limit=1000");

        var empties = oneSecond.Select((row, i) => (row, i)).Where(x => x.i > 0 && x.row.TradeCount == 0).ToList();
        Assert.NotEmpty(empties);
        foreach (var (row, i) in empties)
        {
            var previousClose = oneSecond[i - 1].Close;
            Assert.Equal((previousClose, previousClose, previousClose, previousClose, 0m, 0m), (row.Open, row.High, row.Low, row.Close, row.Volume, row.QuoteVolume));
        }

        // One closed hour equals the aggregate of its sixty 1m klines.
        var hours = await SimulatorHttp.KlinesAsync(simulator, "symbol=SOLUSDT&interval=1h&limit=3");
        var hour = hours[0];
        var minutes = await SimulatorHttp.KlinesAsync(simulator, $"symbol=SOLUSDT&interval=1m&startTime={hour.OpenTime}&endTime={hour.CloseTime}");
        Assert.Equal(60, minutes.Count);
        Assert.Equal(hour.Open, minutes[0].Open);
        Assert.Equal(hour.Close, minutes[^1].Close);
        Assert.Equal(hour.High, minutes.Max(m => m.High));
        Assert.Equal(hour.Low, minutes.Min(m => m.Low));
        Assert.Equal(hour.Volume, minutes.Sum(m => m.Volume));
        Assert.Equal(hour.QuoteVolume, minutes.Sum(m => m.QuoteVolume));
        Assert.Equal(hour.TradeCount, minutes.Sum(m => m.TradeCount));
    }

    [Fact]
    public async Task The_same_seed_and_start_time_give_the_same_history()
    {
        var start = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        async Task<List<KlineRow>> HistoryAsync(int seed)
        {
            var options = new SimulatorOptions { Seed = seed, Symbols = ["BTCUSDT"], TimeProvider = new FakeTimeProvider(start) };
            await using var simulator = await ExchangeSimulator.StartAsync(options);
            return await SimulatorHttp.KlinesAsync(simulator, "symbol=BTCUSDT&interval=4h&limit=400");
        }

        var first = await HistoryAsync(5);
        var again = await HistoryAsync(5);
        var other = await HistoryAsync(6);

        Assert.Equal(first, again);
        Assert.NotEqual(first.Select(r => r.Close), other.Select(r => r.Close));
        Assert.Equal(Interval.FourHours.Floor(start.ToUnixTimeMilliseconds()), first[^1].OpenTime);
    }
}
