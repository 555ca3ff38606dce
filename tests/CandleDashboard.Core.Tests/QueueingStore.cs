using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;

namespace CandleDashboard.Core.Tests;

/// <summary>Accepts writes into a queue and writes them to the inner store only on <see cref="Commit"/>.</summary>
internal sealed class QueueingStore(ICandleStore inner) : ICandleStore
{
    private readonly List<(SeriesKey Series, IReadOnlyList<Candle> Candles)> _queue = [];
    private readonly TaskCompletionSource _flushed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "queued";

    public void Commit()
    {
        foreach (var (series, candles) in _queue)
        {
            inner.UpsertAsync(series, candles, default).GetAwaiter().GetResult();
        }

        _flushed.TrySetResult();
    }

    public Task UpsertAsync(SeriesKey series, IReadOnlyList<Candle> candles, CancellationToken cancellationToken)
    {
        _queue.Add((series, candles));
        return Task.CompletedTask;
    }

    public Task FlushAsync(CancellationToken cancellationToken) => _flushed.Task.WaitAsync(cancellationToken);

    public Task<IReadOnlyList<Candle>> GetRecentAsync(SeriesKey series, int count, CancellationToken cancellationToken) => inner.GetRecentAsync(series, count, cancellationToken);

    public Task<IReadOnlyList<Candle>> GetRangeAsync(SeriesKey series, long fromOpenTime, long toOpenTime, CancellationToken cancellationToken) =>
        inner.GetRangeAsync(series, fromOpenTime, toOpenTime, cancellationToken);

    public Task<SeriesMetadata?> GetMetadataAsync(SeriesKey series, CancellationToken cancellationToken) => inner.GetMetadataAsync(series, cancellationToken);
}
