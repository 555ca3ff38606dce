using System.Collections.Concurrent;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.History;

/// <summary>
/// Stands between store misses and the exchange: identical loads in flight share one request (a page
/// of charts opening the same series after a restart asks once), and at most a few different loads run
/// at once (the rest queue), so a burst of chart opens cannot spend the exchange's request weight that
/// the fetcher's commits need. The shared request ignores any single caller's cancellation (others may
/// still want it); each caller stops waiting on its own token, and the HTTP timeout bounds the request.
/// Scroll-back pages go through the same gate: they are store misses too, and two charts panning the
/// same series back share one request.
/// </summary>
public sealed class ExchangeLoadGate(ExchangeCandleHistory exchange, int maxConcurrentLoads)
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, maxConcurrentLoads));
    private readonly ConcurrentDictionary<LoadKey, Lazy<Task<IReadOnlyList<Candle>>>> _inFlight = new();
    private long _requests;

    /// <summary>Requests actually sent to the exchange (shared loads count once).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>The newest <paramref name="count"/> klines (<see cref="ExchangeCandleHistory.GetRecentAsync"/>).</summary>
    public Task<IReadOnlyList<Candle>> GetRecentAsync(string symbol, Interval interval, int count, CancellationToken cancellationToken) =>
        Share(new LoadKey(symbol, interval, count, Before: null), cancellationToken);

    /// <summary>Up to <paramref name="count"/> klines before a time (<see cref="ExchangeCandleHistory.GetBeforeAsync"/>).</summary>
    public Task<IReadOnlyList<Candle>> GetBeforeAsync(string symbol, Interval interval, long beforeOpenTime, int count, CancellationToken cancellationToken) =>
        Share(new LoadKey(symbol, interval, count, beforeOpenTime), cancellationToken);

    private Task<IReadOnlyList<Candle>> Share(LoadKey key, CancellationToken cancellationToken)
    {
        var load = _inFlight.GetOrAdd(key, k => new Lazy<Task<IReadOnlyList<Candle>>>(() => LoadAsync(k)));
        return load.Value.WaitAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<Candle>> LoadAsync(LoadKey key)
    {
        try
        {
            await _slots.WaitAsync().ConfigureAwait(false);
            try
            {
                Interlocked.Increment(ref _requests);
                return key.Before is { } before
                    ? await exchange.GetBeforeAsync(key.Symbol, key.Interval, before, key.Count, CancellationToken.None).ConfigureAwait(false)
                    : await exchange.GetRecentAsync(key.Symbol, key.Interval, key.Count, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }
        }
        finally
        {
            // Later callers start a fresh load: a finished one may already be stale.
            _inFlight.TryRemove(key, out _);
        }
    }

    /// <summary>What makes two loads identical; <see cref="Before"/> is null for the newest klines.</summary>
    private readonly record struct LoadKey(string Symbol, Interval Interval, int Count, long? Before);
}
