using System.Collections.Concurrent;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;

namespace CandleDashboard.Storage.Postgres.Tests.Infrastructure;

/// <summary>An inner store that fails every write while <see cref="Down"/> is set, and records what it accepted, in order.</summary>
public sealed class GatedStore : ICandleStore
{
    public volatile bool Down;

    public ConcurrentQueue<Candle> Written { get; } = new();

    public int FailedAttempts;

    public string Name => "gated";

    public Task UpsertAsync(SeriesKey series, IReadOnlyList<Candle> candles, CancellationToken cancellationToken)
    {
        if (Down)
        {
            Interlocked.Increment(ref FailedAttempts);
            throw new IOException("store is down");
        }

        foreach (var candle in candles)
        {
            Written.Enqueue(candle);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Candle>> GetRecentAsync(SeriesKey series, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Candle>>(Written.TakeLast(count).ToArray());

    public Task<IReadOnlyList<Candle>> GetRangeAsync(SeriesKey series, long fromOpenTime, long toOpenTime, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Candle>>(Written.Where(c => c.OpenTime >= fromOpenTime && c.OpenTime <= toOpenTime).ToArray());

    public Task<SeriesMetadata?> GetMetadataAsync(SeriesKey series, CancellationToken cancellationToken) =>
        Task.FromResult<SeriesMetadata?>(null);
}
