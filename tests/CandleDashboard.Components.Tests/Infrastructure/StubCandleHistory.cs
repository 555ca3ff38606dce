using System.Collections.Concurrent;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Components.Tests.Infrastructure;

/// <summary>
/// History with known answers: the candles a load returns (a page before a time is taken from them
/// too), the stored official candles a range read returns, and failures to throw from the next loads.
/// Records every call.
/// </summary>
public sealed class StubCandleHistory : ICandleHistory
{
    private int _loads;

    public IReadOnlyList<Candle> Candles { get; set; } = [];

    /// <summary>The stored official candles; a range read returns those inside the range.</summary>
    public IReadOnlyList<Candle> Official { get; set; } = [];

    /// <summary>Thrown, one per load, before loads succeed again.</summary>
    public ConcurrentQueue<Exception> Failures { get; } = new();

    public int Loads => Volatile.Read(ref _loads);

    public ConcurrentQueue<(string Symbol, Interval Interval, long From, long To)> RangeReads { get; } = new();

    public ConcurrentQueue<(string Symbol, Interval Interval, long Before, int Count)> PageLoads { get; } = new();

    public Task<HistorySlice> LoadAsync(string symbol, Interval interval, int count, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _loads);
        if (Failures.TryDequeue(out var failure))
        {
            return Task.FromException<HistorySlice>(failure);
        }

        var candles = Candles.TakeLast(count).ToArray();
        return Task.FromResult(new HistorySlice(candles, "memory", new HistoryGap(null, 0, interval.Milliseconds, 0)));
    }

    /// <summary>The closed <see cref="Candles"/> before the time; fewer than asked is the start, as the contract says.</summary>
    public Task<HistoryPage> LoadBeforeAsync(string symbol, Interval interval, long beforeOpenTime, int count, CancellationToken cancellationToken)
    {
        PageLoads.Enqueue((symbol, interval, beforeOpenTime, count));
        if (Failures.TryDequeue(out var failure))
        {
            return Task.FromException<HistoryPage>(failure);
        }

        var older = Candles.Where(c => c.IsClosed && c.OpenTime < beforeOpenTime).ToArray();
        var page = older.TakeLast(count).ToArray();
        return Task.FromResult(new HistoryPage(page, "memory", ReachedStart: older.Length <= count));
    }

    public Task<IReadOnlyList<Candle>> GetRangeAsync(string symbol, Interval interval, long fromOpenTime, long toOpenTime, CancellationToken cancellationToken)
    {
        RangeReads.Enqueue((symbol, interval, fromOpenTime, toOpenTime));
        return Task.FromResult<IReadOnlyList<Candle>>([.. Official.Where(c => c.OpenTime >= fromOpenTime && c.OpenTime <= toOpenTime)]);
    }
}
