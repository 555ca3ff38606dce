using System.Collections.Concurrent;
using CandleDashboard.Simulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Simulator.Tests;

/// <summary>The live tape follows the injected clock, and a long stall is skipped rather than replayed as a flood.</summary>
public sealed class InjectedClockTests
{
    [Fact]
    public async Task Trades_are_timed_by_the_injected_clock_and_a_long_stall_leaves_a_gap()
    {
        var start = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
        var startMs = start.ToUnixTimeMilliseconds();
        var clock = new FakeTimeProvider(start);
        await using var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Symbols = ["BTCUSDT"],
            TradesPerSecondPerSymbol = 50,
            TimeProvider = clock,
        });
        var published = new ConcurrentQueue<PublishedTrade>();
        simulator.TradePublished += published.Enqueue;

        await AdvanceUntil(clock, () => published.Any(t => t.TradeTime >= startMs + 1_000));
        var firstSecond = published.Where(t => t.TradeTime < startMs + 1_000).ToList();
        Assert.InRange(firstSecond.Count, 15, 100); // Poisson, mean 50
        Assert.All(firstSecond, t => Assert.True(t.TradeTime >= startMs));

        var beforeStall = published.Count;
        clock.Advance(TimeSpan.FromHours(2));
        var stallEnd = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await AdvanceUntil(clock, () => published.Any(t => t.TradeTime >= stallEnd));

        var all = published.ToList();
        Assert.True(all.Zip(all.Skip(1)).All(p => p.Second.TradeId == p.First.TradeId + 1 && p.Second.TradeTime >= p.First.TradeTime));
        Assert.DoesNotContain(all, t => t.TradeTime > startMs + 2_000 && t.TradeTime < stallEnd - 5_000);
        Assert.InRange(all.Count - beforeStall, 1, 1_000);

        // REST agrees: the skipped stretch is flat, zero-volume 1m klines.
        var gap = await SimulatorHttp.KlinesAsync(simulator, $"symbol=BTCUSDT&interval=1m&startTime={startMs + 120_000}&limit=10");
        Assert.All(gap, k => Assert.Equal(0, k.TradeCount));
    }

    private static async Task AdvanceUntil(FakeTimeProvider clock, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out advancing the fake clock");
            clock.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(2); // let the generator's continuation run on the thread pool
        }
    }
}
