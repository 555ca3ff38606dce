using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Storage.InMemory;

/// <summary>
/// The zero-config official candle store: process memory, gone on restart. Same contract as the
/// Redis and PostgreSQL stores (one candle per open time, newest M kept per series).
/// </summary>
public sealed class InMemoryCandleStore(int maxCandlesPerSeries = 10_000) : ICandleStore
{
    private readonly Dictionary<SeriesKey, SortedList<long, Candle>> _series = [];

    public string Name => "memory";

    public Task UpsertAsync(SeriesKey series, IReadOnlyList<Candle> candles, CancellationToken cancellationToken)
    {
        lock (_series)
        {
            if (!_series.TryGetValue(series, out var list))
            {
                _series[series] = list = [];
            }

            foreach (var candle in candles)
            {
                list[candle.OpenTime] = candle;
            }

            while (list.Count > maxCandlesPerSeries)
            {
                list.RemoveAt(0);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Candle>> GetRecentAsync(SeriesKey series, int count, CancellationToken cancellationToken)
    {
        lock (_series)
        {
            IReadOnlyList<Candle> result = _series.TryGetValue(series, out var list)
                ? list.Values.Skip(Math.Max(0, list.Count - count)).ToArray()
                : [];
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<Candle>> GetRangeAsync(SeriesKey series, long fromOpenTime, long toOpenTime, CancellationToken cancellationToken)
    {
        lock (_series)
        {
            IReadOnlyList<Candle> result = _series.TryGetValue(series, out var list)
                ? list.Values.Where(c => c.OpenTime >= fromOpenTime && c.OpenTime <= toOpenTime).ToArray()
                : [];
            return Task.FromResult(result);
        }
    }

    public Task<SeriesMetadata?> GetMetadataAsync(SeriesKey series, CancellationToken cancellationToken)
    {
        lock (_series)
        {
            var metadata = _series.TryGetValue(series, out var list) && list.Count > 0
                ? new SeriesMetadata(list.Keys[0], list.Keys[^1], list.Count)
                : null;
            return Task.FromResult(metadata);
        }
    }
}
