using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;

namespace CandleDashboard.Core.Tests;

/// <summary>A store that is down: every call fails with <see cref="IOException"/> and the given message.</summary>
internal sealed class BrokenStore(string message = "down") : ICandleStore
{
    public string Name => "broken";

    public Task UpsertAsync(SeriesKey series, IReadOnlyList<Candle> candles, CancellationToken cancellationToken) => throw new IOException(message);

    public Task<IReadOnlyList<Candle>> GetRecentAsync(SeriesKey series, int count, CancellationToken cancellationToken) => throw new IOException(message);

    public Task<IReadOnlyList<Candle>> GetRangeAsync(SeriesKey series, long fromOpenTime, long toOpenTime, CancellationToken cancellationToken) => throw new IOException(message);

    public Task<SeriesMetadata?> GetMetadataAsync(SeriesKey series, CancellationToken cancellationToken) => throw new IOException(message);
}
