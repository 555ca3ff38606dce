using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Postgres;
using CandleDashboard.Storage.Redis;
using CandleDashboard.Web.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CandleDashboard.Fault.Tests;

/// <summary>
/// "No permanent holes in any store": every configured store of the app, read directly (not through
/// the tiers, which would hide a hole by answering from another store), holds every open time of the
/// window exactly once. Polled until true or the deadline: repairs take a reconcile round.
/// </summary>
public static class StoreCheck
{
    public static Task AssertContiguousAsync(IServiceProvider app, IEnumerable<string> symbols, IEnumerable<string> intervals, int buckets, TimeSpan deadline) =>
        AssertContiguousAsync(app.GetRequiredService<CandleTiers>().CommitOrder, symbols, intervals, buckets, deadline);

    /// <summary>
    /// The same for an app running in another process: its PostgreSQL and Redis, opened by the test, both checked
    /// over the fault fixture's series.
    /// </summary>
    public static async Task AssertBothStoresContiguousAsync(string postgres, string redisConnectionString, int buckets, TimeSpan deadline)
    {
        await using var services = new ServiceCollection().AddLogging().AddPostgresStorage(postgres).BuildServiceProvider();
        var redis = await RedisConnector.ConnectAsync(redisConnectionString);
        try
        {
            IReadOnlyList<ICandleStore> both = [services.GetRequiredService<PostgresCandleStore>(), new RedisCandleStore(redis)];
            await AssertContiguousAsync(both, FaultFixture.Symbols, FaultFixture.Intervals, buckets, deadline);
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    /// <summary>The same for stores opened by the test itself (the app runs in another process).</summary>
    public static async Task AssertContiguousAsync(IReadOnlyList<ICandleStore> stores, IEnumerable<string> symbols, IEnumerable<string> intervals, int buckets, TimeSpan deadline)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        foreach (var symbol in symbols)
        {
            foreach (var code in intervals)
            {
                Assert.True(Interval.TryParse(code, out var interval));
                var series = new SeriesKey("binance", symbol, interval);
                var last = interval.Floor(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) - (2 * interval.Milliseconds);
                var first = last - ((buckets - 1) * interval.Milliseconds);
                foreach (var store in stores)
                {
                    string problem;
                    while ((problem = await ProblemAsync(store, series, first, last)) is not "" && DateTimeOffset.UtcNow < until)
                    {
                        await Task.Delay(250);
                    }

                    Assert.True(problem == "", $"{store.Name} {series}: {problem}");
                }
            }
        }
    }

    private static async Task<string> ProblemAsync(ICandleStore store, SeriesKey series, long first, long last)
    {
        IReadOnlyList<Candle> candles;
        try
        {
            candles = await store.GetRangeAsync(series, first, last, CancellationToken.None);
        }
        catch (Exception ex)
        {
            return "unreadable: " + ex.Message;
        }

        var step = series.Interval.Milliseconds;
        var expected = (int)((last - first) / step) + 1;
        var times = candles.Select(c => c.OpenTime).ToList();
        if (times.Count != times.Distinct().Count())
        {
            return "duplicate open times";
        }

        var missing = Enumerable.Range(0, expected).Select(i => first + (i * step)).Except(times).ToList();
        return missing.Count == 0 ? "" : $"{missing.Count} of {expected} missing, first at {missing[0]}";
    }
}
