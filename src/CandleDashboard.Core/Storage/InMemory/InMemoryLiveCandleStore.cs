using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Storage.InMemory;

/// <summary>The zero-config live candle store: the latest forming candle per series, expiring after the TTL.</summary>
public sealed class InMemoryLiveCandleStore(TimeProvider timeProvider, TimeSpan timeToLive) : ILiveCandleStore
{
    private readonly Dictionary<SeriesKey, (Candle Candle, DateTimeOffset Expires)> _live = [];

    public Task SetAsync(SeriesKey series, Candle candle, CancellationToken cancellationToken)
    {
        lock (_live)
        {
            _live[series] = (candle, timeProvider.GetUtcNow() + timeToLive);
        }

        return Task.CompletedTask;
    }

    public Task<Candle?> GetAsync(SeriesKey series, CancellationToken cancellationToken)
    {
        lock (_live)
        {
            Candle? candle = _live.TryGetValue(series, out var entry) && entry.Expires > timeProvider.GetUtcNow() ? entry.Candle : null;
            return Task.FromResult(candle);
        }
    }
}
