using System.Collections.Concurrent;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CandleDashboard.Core.Fetching;

/// <summary>
/// Heals holes the fetcher cannot see. The fetcher continues from the newest stored candle, so a
/// write one store missed (Redis down or restarted empty, a crash between the two writes) or a range
/// skipped by a write-back of recent exchange history stays missing for good. The reconciler checks
/// each series' stores over a window of open times on the interval grid: a candle one store lacks is
/// copied from a store that has it; one no store has is fetched from the exchange and written to every
/// store (and announced). Open times the exchange itself has no kline for are remembered, not asked
/// about again.
/// </summary>
public sealed class StoreReconciler
{
    private readonly OfficialKlineReader _reader;
    private readonly OfficialCandleCommitter _committer;
    private readonly IReadOnlyList<ICandleStore> _stores;
    private readonly FetcherOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<SeriesKey, ReconcileStatus> _statuses = new();
    private readonly ConcurrentDictionary<SeriesKey, HashSet<long>> _exchangeHasNone = new();

    /// <param name="stores">Every configured store, in commit order (durable first).</param>
    public StoreReconciler(
        IKlineSource source,
        IReadOnlyList<ICandleStore> stores,
        IDataUpdatedBus bus,
        FetcherOptions options,
        TimeProvider timeProvider,
        ILogger<StoreReconciler>? logger = null)
    {
        _reader = new OfficialKlineReader(source);
        _stores = stores;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<StoreReconciler>.Instance;
        _committer = new OfficialCandleCommitter(bus, _logger);
    }

    /// <summary>How long a round waits for queued writes to reach their store before it skips the series.</summary>
    public static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(2);

    public IReadOnlyCollection<ReconcileStatus> Statuses => [.. _statuses.Values];

    /// <summary>Reconciles every series; one failing series does not stop the others.</summary>
    public async Task<IReadOnlyList<ReconcileStatus>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var results = new List<ReconcileStatus>();
        foreach (var symbol in _options.Symbols)
        {
            foreach (var interval in _options.Intervals)
            {
                results.Add(await ReconcileSeriesAsync(new SeriesKey(_options.Exchange, symbol, interval), cancellationToken).ConfigureAwait(false));
            }
        }

        return results;
    }

    public async Task<ReconcileStatus> ReconcileSeriesAsync(SeriesKey series, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var previous = _statuses.GetValueOrDefault(series);
        ReconcileStatus status;
        try
        {
            status = await ReconcileAsync(series, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Reconciling {Series} failed; tried again next round", series);
            status = new ReconcileStatus(series, now, 0, 0, 0, 0, ex.Message);
        }

        status = status with { TotalRepaired = (previous?.TotalRepaired ?? 0) + status.CopiedBetweenStores + status.Refetched };
        _statuses[series] = status;
        return status;
    }

    private async Task<ReconcileStatus> ReconcileAsync(SeriesKey series, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var step = series.Interval.Milliseconds;
        var nowMs = now.ToUnixTimeMilliseconds();
        var lastClosed = OfficialKlineFetcher.LastFinal(series.Interval, nowMs, _options.CloseGrace);
        var windowStart = lastClosed - ((long)(_options.ReconcileWindowCandles - 1) * step);

        // A store whose writes are still queued (PostgreSQL behind its write queue) would look as if it
        // missed them; check it once it has caught up, or next round.
        using (var settle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            settle.CancelAfter(SettleTimeout);
            try
            {
                await Task.WhenAll(_stores.Select(s => s.FlushAsync(settle.Token))).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new ReconcileStatus(series, now, 0, 0, 0, 0, "a store is still writing queued candles; checked next round");
            }
        }

        var held = new Dictionary<long, Candle>[_stores.Count];
        for (var i = 0; i < _stores.Count; i++)
        {
            var candles = await _stores[i].GetRangeAsync(series, windowStart, lastClosed, cancellationToken).ConfigureAwait(false);
            held[i] = candles.Where(c => c.IsClosed && (c.OpenTime - windowStart) % step == 0).ToDictionary(c => c.OpenTime);
        }

        var known = held.SelectMany(h => h.Keys).ToHashSet();
        if (known.Count == 0)
        {
            return new ReconcileStatus(series, now, 0, 0, 0, 0, null); // nothing stored yet: the fetcher's first run fills it
        }

        // The grid from the oldest candle any store holds in the window to the newest: before it is
        // history never fetched, after it the fetcher's next run.
        var first = known.Min();
        var last = known.Max();
        var exchangeHasNone = _exchangeHasNone.GetOrAdd(series, _ => []);
        lock (exchangeHasNone)
        {
            exchangeHasNone.RemoveWhere(t => t < windowStart); // only the window is ever asked about
        }

        var nowhere = new List<long>();
        var holes = 0;
        var copies = new List<Candle>[_stores.Count];
        for (var t = first; t <= last; t += step)
        {
            var source = Array.FindIndex(held, h => h.ContainsKey(t));
            if (source < 0)
            {
                holes++;
                lock (exchangeHasNone)
                {
                    if (!exchangeHasNone.Contains(t))
                    {
                        nowhere.Add(t);
                    }
                }

                continue;
            }

            var missingSomewhere = false;
            for (var i = 0; i < _stores.Count; i++)
            {
                if (!held[i].ContainsKey(t))
                {
                    (copies[i] ??= []).Add(held[source][t]);
                    missingSomewhere = true;
                }
            }

            holes += missingSomewhere ? 1 : 0;
        }

        var copied = 0;
        for (var i = 0; i < _stores.Count; i++)
        {
            if (copies[i] is { Count: > 0 } lacking)
            {
                await _stores[i].UpsertAsync(series, lacking, cancellationToken).ConfigureAwait(false);
                copied += lacking.Count;
            }
        }

        var (refetched, unrepaired) = await RefetchAsync(series, nowhere, exchangeHasNone, nowMs, cancellationToken).ConfigureAwait(false);
        if (holes > 0)
        {
            _logger.LogWarning(
                "{Series}: {Holes} holes between {First:o} and {Last:o}; {Copied} candles copied between stores, {Refetched} refetched from the exchange, {Unrepaired} not available",
                series, holes, DateTimeOffset.FromUnixTimeMilliseconds(first), DateTimeOffset.FromUnixTimeMilliseconds(last), copied, refetched, unrepaired);
        }

        return new ReconcileStatus(series, now, holes, copied, refetched, unrepaired, null);
    }

    /// <summary>Fetches open times no store has, run by contiguous run, and commits them to every store.</summary>
    private async Task<(int Refetched, int Unrepaired)> RefetchAsync(SeriesKey series, List<long> missing, HashSet<long> exchangeHasNone, long now, CancellationToken cancellationToken)
    {
        var refetched = 0;
        var unrepaired = 0;
        var step = series.Interval.Milliseconds;
        for (var i = 0; i < missing.Count;)
        {
            var j = i;
            while (j + 1 < missing.Count && missing[j + 1] == missing[j] + step && j + 1 - i < _options.CommitChunkCandles)
            {
                j++;
            }

            var (from, to) = (missing[i], missing[j]);
            var candles = await _reader.ReadClosedAsync(series.Symbol, series.Interval, from, to, now, cancellationToken).ConfigureAwait(false);
            if (candles.Count > 0)
            {
                await _committer.CommitAsync(series, candles, _stores, cancellationToken).ConfigureAwait(false);
                refetched += candles.Count;
            }

            var got = candles.Select(c => c.OpenTime).ToHashSet();
            lock (exchangeHasNone)
            {
                for (var t = from; t <= to; t += step)
                {
                    if (!got.Contains(t))
                    {
                        exchangeHasNone.Add(t);
                        unrepaired++;
                    }
                }
            }

            i = j + 1;
        }

        return (refetched, unrepaired);
    }
}
