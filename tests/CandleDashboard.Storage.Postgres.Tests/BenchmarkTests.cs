using System.Diagnostics;
using CandleDashboard.Core.Market;
using CandleDashboard.Storage.Postgres.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CandleDashboard.Storage.Postgres.Tests;

/// <summary>
/// Bounded measurements on loopback, reported through the test output (docs/benchmarks.md). The
/// asserted bounds are 10× the targets so a slow CI machine cannot make them flake; the printed
/// numbers are what matters.
/// </summary>
[Collection(BenchmarkCollection.Name)]
[Trait("Category", "Benchmark")]
public sealed class BenchmarkTests(PostgresFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Backfill_of_30_days_of_1m_candles_in_one_upsert()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var candles = Candles.Sequence(43_200, Interval.OneMinute);

        var insert = Stopwatch.StartNew();
        await db.Store.UpsertAsync(Candles.BtcMinute, candles, CancellationToken.None);
        insert.Stop();

        // The same month again with every candle changed: the all-conflicts path.
        var changed = candles.Select(c => c with { Close = c.Close + 0.5m }).ToArray();
        var update = Stopwatch.StartNew();
        await db.Store.UpsertAsync(Candles.BtcMinute, changed, CancellationToken.None);
        update.Stop();

        output.WriteLine($"backfill 43,200 x 1m candles: insert {insert.ElapsedMilliseconds} ms, re-send all changed {update.ElapsedMilliseconds} ms (target <= 3000 ms)");
        Assert.Equal(43_200, (await db.Store.GetMetadataAsync(Candles.BtcMinute, CancellationToken.None))!.Count);
        Assert.InRange(insert.ElapsedMilliseconds, 0, 30_000);
    }

    [Fact]
    public async Task Reading_the_last_1000_candles()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        await db.Store.UpsertAsync(Candles.BtcMinute, Candles.Sequence(43_200, Interval.OneMinute), CancellationToken.None);
        for (var i = 0; i < 10; i++)
        {
            await db.Store.GetRecentAsync(Candles.BtcMinute, 1000, CancellationToken.None); // warm pool, plan cache, JIT
        }

        var samples = new double[200];
        for (var i = 0; i < samples.Length; i++)
        {
            var watch = Stopwatch.StartNew();
            var recent = await db.Store.GetRecentAsync(Candles.BtcMinute, 1000, CancellationToken.None);
            samples[i] = watch.Elapsed.TotalMilliseconds;
            Assert.Equal(1000, recent.Count);
        }

        Array.Sort(samples);
        var p50 = samples[samples.Length / 2];
        output.WriteLine($"last 1000 of 43,200 candles, {samples.Length} reads: p50 {p50:0.00} ms, p95 {samples[(int)(samples.Length * 0.95)]:0.00} ms, max {samples[^1]:0.00} ms (target p50 <= 10 ms)");
        Assert.InRange(p50, 0, 100);
    }
}
