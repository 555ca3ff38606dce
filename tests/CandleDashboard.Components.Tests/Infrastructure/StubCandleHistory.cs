using System.Collections.Concurrent;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Components.Tests.Infrastructure;

/// <summary>
/// History with known answers: the candles a load returns, the stored official candles a range
/// read returns, and failures to throw from the next loads. Records every call.
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

    public Task<IReadOnlyList<Candle>> GetRangeAsync(string symbol, Interval interval, long fromOpenTime, long toOpenTime, CancellationToken cancellationToken)
    {
        RangeReads.Enqueue((symbol, interval, fromOpenTime, toOpenTime));
        return Task.FromResult<IReadOnlyList<Candle>>([.. Official.Where(c => c.OpenTime >= fromOpenTime && c.OpenTime <= toOpenTime)]);
    }
}
