using CandleDashboard.Core.Building;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Postgres.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Storage.Postgres.Tests;

/// <summary>The database rollup of 1m rows must give exactly what the core's resampler gives.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RollupTests(PostgresFixture fixture)
{
    private static readonly SeriesKey Series = Candles.BtcMinute;
    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<string> Targets => new() { "5m", "15m", "1h" };

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task The_sql_rollup_equals_the_resampler(string code)
    {
        var target = Interval.Parse(code);
        await using var db = await TestDatabase.CreateAsync(fixture);
        var minutes = RandomWalk(6 * 60, seed: 11);
        await db.Store.UpsertAsync(Series, minutes, None);

        var rolled = await db.Store.GetRolledUpRangeAsync(Series.Exchange, Series.Symbol, target, minutes[0].OpenTime, minutes[^1].OpenTime, None);

        var expected = CandleResampler.Resample(minutes, target, now: long.MaxValue);
        Assert.Equal(6 * 60 / (target.Milliseconds / 60_000), expected.Count);
        Assert.Equal(expected, rolled);
        if (target == Interval.FiveMinutes)
        {
            // The walk must exercise every rule: each source wins somewhere, and a wholly quiet bucket exists.
            Assert.Equal(3, expected.Select(c => c.Source).Distinct().Count());
            Assert.Contains(expected, c => c.TradeCount == 0);
        }
    }

    [Fact]
    public async Task The_sql_rollup_of_the_builders_1m_equals_the_builders_own_candles()
    {
        // Three hours of random trades with quiet stretches, through the live builder at once for 1m and
        // the coarser intervals: the candles the import and the live feed produce.
        var targets = new[] { Interval.FiveMinutes, Interval.FifteenMinutes, Interval.OneHour };
        var builder = new LiveCandleBuilder("BTCUSDT", [Interval.OneMinute, .. targets], new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Candles.Start)));
        var closed = new Dictionary<Interval, List<Candle>>();
        builder.CandleClosed += (interval, c) => (closed.TryGetValue(interval, out var list) ? list : closed[interval] = []).Add(c with { Source = CandleSource.Official });
        var random = new Random(17);
        var price = 29_000m;
        var end = Candles.Start + (3 * 3_600_000L);
        long id = 0;
        for (var time = Candles.Start; time < end; time += random.Next(1, 20_000))
        {
            if (random.Next(30) == 0)
            {
                time += random.Next(60_000, 400_000); // a quiet stretch: empty minutes, sometimes a whole 5m bucket
                if (time >= end)
                {
                    break;
                }
            }

            price += random.Next(-300, 301) / 100m;
            builder.Apply(new Trade("BTCUSDT", ++id, price, random.Next(1, 100_000) / 10_000_000m, time));
        }

        builder.AdvanceTo(end);
        await using var db = await TestDatabase.CreateAsync(fixture);
        await db.Store.UpsertAsync(Series, closed[Interval.OneMinute], None);

        foreach (var target in targets)
        {
            var built = closed[target];
            var rolled = await db.Store.GetRolledUpRangeAsync(Series.Exchange, Series.Symbol, target, Candles.Start, end - 1, None);
            Assert.Equal(3 * 3_600_000L / target.Milliseconds, built.Count);
            Assert.Equal(built, rolled);
        }

        Assert.Contains(closed[Interval.FiveMinutes], c => c.TradeCount == 0);
    }

    [Fact]
    public async Task A_bucket_with_a_missing_minute_is_not_served()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var minutes = RandomWalk(15, seed: 3);
        var holed = minutes.Where((_, i) => i != 7).ToArray();
        await db.Store.UpsertAsync(Series, holed, None);

        var rolled = await db.Store.GetRolledUpRangeAsync(Series.Exchange, Series.Symbol, Interval.FiveMinutes, Candles.Start, Candles.Start + 600_000, None);

        var expected = CandleResampler.Resample(minutes, Interval.FiveMinutes, now: long.MaxValue);
        Assert.Equal([expected[0], expected[2]], rolled);
    }

    [Fact]
    public async Task The_range_selects_buckets_by_open_time_and_ignores_other_series()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var minutes = RandomWalk(60, seed: 5);
        await db.Store.UpsertAsync(Series, minutes, None);
        await db.Store.UpsertAsync(new SeriesKey("binance", "ETHUSDT", Interval.OneMinute), RandomWalk(60, seed: 6), None);
        await db.Store.UpsertAsync(new SeriesKey("kraken", "BTCUSDT", Interval.OneMinute), RandomWalk(60, seed: 7), None);

        // From inside the second bucket to the open of the fourth: buckets 2..4 (floored, inclusive).
        var rolled = await db.Store.GetRolledUpRangeAsync(Series.Exchange, Series.Symbol, Interval.FiveMinutes, Candles.Start + 360_000, Candles.Start + 900_000, None);

        var expected = CandleResampler.Resample(minutes, Interval.FiveMinutes, now: long.MaxValue);
        Assert.Equal(expected.Skip(1).Take(3), rolled);
    }

    [Fact]
    public async Task Intervals_that_are_not_whole_minutes_above_1m_are_refused()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        await Assert.ThrowsAsync<ArgumentException>(() => db.Store.GetRolledUpRangeAsync("binance", "BTCUSDT", Interval.ThirtySeconds, 0, 0, None));
        await Assert.ThrowsAsync<ArgumentException>(() => db.Store.GetRolledUpRangeAsync("binance", "BTCUSDT", Interval.OneMinute, 0, 0, None));
    }

    /// <summary>
    /// 1m candles as the builder makes them: a random walk with many decimals, quiet minutes flat at the
    /// previous close with no trades (some buckets wholly quiet, some starting quiet), and mixed sources.
    /// </summary>
    internal static Candle[] RandomWalk(int count, int seed)
    {
        var random = new Random(seed);
        var result = new Candle[count];
        var price = 29_000.12345678m;
        for (var i = 0; i < count; i++)
        {
            var openTime = Candles.Start + (i * 60_000L);
            var quiet = random.Next(4) == 0 || (i >= 20 && i < 25);
            var source = random.Next(10) switch
            {
                0 => CandleSource.Live,
                1 => CandleSource.OfficialFromTrades,
                _ => CandleSource.Official,
            };
            if (quiet)
            {
                result[i] = new Candle(openTime, price, price, price, price, 0m, 0m, 0, true, source);
                continue;
            }

            var open = price + (random.Next(-500, 500) / 1000m);
            var close = open + (random.Next(-90_000, 90_000) / 10_000m);
            var high = Math.Max(open, close) + (random.Next(0, 3_000) / 1_000m);
            var low = Math.Min(open, close) - (random.Next(0, 3_000) / 1_000m);
            var volume = random.Next(1, 1_000_000) / 100_000_000m;
            result[i] = new Candle(openTime, open, high, low, close, volume, volume * close, random.Next(1, 500), true, source);
            price = close;
        }

        return result;
    }
}
