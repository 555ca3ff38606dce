using System.Diagnostics;
using CandleDashboard.Storage.Redis.Tests.Infrastructure;
using Xunit.Abstractions;
using static CandleDashboard.Storage.Redis.Tests.Infrastructure.TestSeries;

namespace CandleDashboard.Storage.Redis.Tests;

/// <summary>
/// A bounded micro-benchmark (not BenchmarkDotNet: it needs the fixture's live server): latency of
/// "last 1000 candles" from a warm Redis on loopback, fetch and decode; and of re-sending 1000 changed candles. Prints p50/p95/p99; run with
/// <c>dotnet test --logger "console;verbosity=detailed" --filter ReadLatencyBenchmark</c> to see them.
/// </summary>
[Collection(RedisCollection.Name)]
[Trait("Category", "Benchmark")]
public sealed class ReadLatencyBenchmark(RedisFixture redis, ITestOutputHelper output)
{
    private const int Warmup = 50;
    private const int Samples = 300;

    [Fact]
    public async Task Last_1000_candles_from_a_warm_redis()
    {
        var series = NewSeries();
        var store = new RedisCandleStore(redis.Connection);
        await store.UpsertAsync(series, Range(0, 10_000), CancellationToken.None);

        for (var i = 0; i < Warmup; i++)
        {
            await store.GetRecentAsync(series, 1_000, CancellationToken.None);
        }

        var total = new double[Samples];
        var fetchOnly = new double[Samples];
        var decodeOnly = new double[Samples];
        var key = RedisKeys.Candles(series);
        for (var i = 0; i < Samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var candles = await store.GetRecentAsync(series, 1_000, CancellationToken.None);
            total[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Assert.Equal(1_000, candles.Count);
            Assert.Equal(T0 + 9_999 * 60_000L, candles[^1].OpenTime);

            // The same read split in two: the round trip alone, then decoding alone.
            started = Stopwatch.GetTimestamp();
            var members = await redis.Db.SortedSetRangeByRankAsync(key, -1_000, -1);
            fetchOnly[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            started = Stopwatch.GetTimestamp();
            foreach (var member in members)
            {
                RedisCandleCodec.Decode((string)member!);
            }

            decodeOnly[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        output.WriteLine($"redis GetRecentAsync(1000) of 10000, {Samples} samples: {Summary(total)}");
        output.WriteLine($"  of which ZRANGE round trip: {Summary(fetchOnly)}");
        output.WriteLine($"  of which decoding 1000 members: {Summary(decodeOnly)}");
        // A sanity bound only (shared CI machines vary); the number itself goes to docs/benchmarks.md.
        Assert.InRange(Percentile(total, 0.50), 0, 250);
    }

    [Fact]
    public async Task Upsert_of_1000_changed_candles_into_a_full_series()
    {
        var series = NewSeries();
        var store = new RedisCandleStore(redis.Connection);
        await store.UpsertAsync(series, Range(0, 10_000), CancellationToken.None);

        // Every round re-sends the newest 1000 with changed values: each replaces its open time's member.
        const int rounds = 40;
        var ms = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            var batch = Enumerable.Range(9_000, 1_000).Select(i => Official(i, bump: r + 1)).ToArray();
            var started = Stopwatch.GetTimestamp();
            await store.UpsertAsync(series, batch, CancellationToken.None);
            ms[r] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        output.WriteLine($"redis UpsertAsync(1000 changed) into 10000, {rounds} samples: {Summary(ms)}");
        Assert.Equal(new Core.Storage.SeriesMetadata(T0, T0 + 9_999 * 60_000L, 10_000), await store.GetMetadataAsync(series, CancellationToken.None));
        Assert.Equal(Official(9_999, bump: rounds), (await store.GetRecentAsync(series, 1, CancellationToken.None))[0]);
    }

    private static double Percentile(double[] samples, double q)
    {
        var sorted = samples.Order().ToArray();
        return sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(q * sorted.Length) - 1)];
    }

    private static string Summary(double[] ms) =>
        $"p50 {Percentile(ms, 0.50):0.000} ms, p95 {Percentile(ms, 0.95):0.000} ms, p99 {Percentile(ms, 0.99):0.000} ms, max {ms.Max():0.000} ms";
}
