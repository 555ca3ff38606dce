using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CandleDashboard.Core.Fetching;

/// <summary>
/// Commits the exchange's official closed klines: finds what each series is missing since its
/// latest stored candle, backfills it with paging, writes it to the stores in commit order
/// (PostgreSQL first, then Redis), and emits <see cref="DataUpdated"/> once every store can serve
/// them (<see cref="ICandleStore.FlushAsync"/>). A run that fails to commit publishes nothing; the
/// next run retries the same range, so nothing is skipped.
/// </summary>
public sealed class OfficialKlineFetcher
{
    private readonly OfficialKlineReader _reader;
    private readonly OfficialCandleCommitter _committer;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SeriesKey, SkippedRange> _skipped = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SeriesKey, bool> _headChecked = new();
    private readonly IReadOnlyList<ICandleStore> _commitOrder;
    private readonly FetcherOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly object _sync = new();
    private FetcherStatus _status = new(null, 0, 0, null, null);

    /// <param name="commitOrder">Stores in the order they are written (durable first); the first that answers tells the latest stored candle.</param>
    public OfficialKlineFetcher(
        IKlineSource source,
        IReadOnlyList<ICandleStore> commitOrder,
        IDataUpdatedBus bus,
        FetcherOptions options,
        TimeProvider timeProvider,
        ILogger<OfficialKlineFetcher>? logger = null)
    {
        if (commitOrder.Count == 0)
        {
            throw new ArgumentException("At least one store is required.", nameof(commitOrder));
        }

        _reader = new OfficialKlineReader(source);
        _commitOrder = commitOrder;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<OfficialKlineFetcher>.Instance;
        _committer = new OfficialCandleCommitter(bus, _logger);
    }

    public FetcherStatus Status
    {
        get
        {
            lock (_sync)
            {
                return _status;
            }
        }
    }

    /// <summary>When the next bucket of any fetched interval has closed (plus the grace).</summary>
    public DateTimeOffset NextRunAfter(DateTimeOffset now)
    {
        var ms = now.ToUnixTimeMilliseconds();
        var next = _options.Intervals.Min(i => i.Floor(ms) + i.Milliseconds);
        return DateTimeOffset.FromUnixTimeMilliseconds(next) + _options.CloseGrace;
    }

    /// <summary>
    /// Brings every series up to the last closed bucket. Returns what it committed (each announced once
    /// every store can serve it). Up to <see cref="FetcherOptions.MaxConcurrentSymbols"/> symbols are
    /// filled at once (a long catch-up of one, e.g. Kraken candles built from trades, then does not hold
    /// the others back); each symbol's intervals one after another, in order.
    /// </summary>
    public async Task<IReadOnlyList<DataUpdated>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var published = new List<DataUpdated>();
        var gate = new object();
        string? error = null;
        var failed = 0;
        ExchangeRateLimitException? limited = null;

        // A rate limit stops the whole run: every further request would be refused too, so the other
        // symbols' requests are cancelled (not counted as failures).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxConcurrentSymbols), CancellationToken = stop.Token };
        try
        {
            await Parallel.ForEachAsync(_options.Symbols, parallel, async (symbol, token) =>
            {
                foreach (var interval in _options.Intervals)
                {
                    try
                    {
                        if (await FetchSeriesAsync(new SeriesKey(_options.Exchange, symbol, interval), token).ConfigureAwait(false) is { } message)
                        {
                            lock (gate)
                            {
                                published.Add(message);
                            }
                        }
                    }
                    catch (ExchangeRateLimitException limit)
                    {
                        Interlocked.CompareExchange(ref limited, limit, null);
                        await stop.CancelAsync().ConfigureAwait(false);
                        return;
                    }
                    catch (Exception ex) when (!token.IsCancellationRequested)
                    {
                        // Everything but our own shutdown, including a timeout or a cancellation from below
                        // (OperationCanceledException is not a shutdown unless our token says so).
                        lock (gate)
                        {
                            error = $"{symbol} {interval}: {ex.Message}";
                            failed++;
                        }

                        _logger.LogError(ex, "Fetching official {Symbol} {Interval} klines failed; retried next run", symbol, interval);
                    }
                }
            }).ConfigureAwait(false);
        }
        catch (Exception) when (limited is not null && !cancellationToken.IsCancellationRequested)
        {
            // The other symbols, cancelled because of the rate limit: reported below.
        }

        if (limited is { } hit)
        {
            error = $"rate limited by the exchange, retry after {hit.RetryAfter.TotalSeconds:0}s";
            _logger.LogWarning("Exchange rate limit hit; fetcher pauses for {RetryAfter}", hit.RetryAfter);
            Record(published, error, _timeProvider.GetUtcNow() + hit.RetryAfter, failed: _options.Symbols.Count * _options.Intervals.Count);
            return published;
        }

        Record(published, error, null, failed);
        return published;
    }

    /// <summary>Fetches, commits and announces what one series is missing; null when it is up to date.</summary>
    public async Task<DataUpdated?> FetchSeriesAsync(SeriesKey series, CancellationToken cancellationToken)
    {
        var interval = series.Interval;
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var lastClosed = LastFinal(interval, now, _options.CloseGrace);
        var initialStart = lastClosed - ((long)(_options.InitialCandles - 1) * interval.Milliseconds);
        var stored = await StoredAsync(series, cancellationToken).ConfigureAwait(false);
        var head = await FillHeadAsync(series, stored, initialStart, now, cancellationToken).ConfigureAwait(false);
        var latest = stored?.LatestOpenTime;
        if (latest >= lastClosed)
        {
            return head;
        }

        var horizonStart = lastClosed - ((long)(_options.MaxBackfillCandles - 1) * interval.Milliseconds);
        var start = latest is { } l ? Math.Max(l + interval.Milliseconds, horizonStart) : initialStart;
        if (latest is { } newest && newest + interval.Milliseconds < horizonStart)
        {
            // Downtime longer than the horizon: what lies before it is not fetched (it would cost more
            // requests than a catch-up should); said loudly, and kept for the admin page.
            var skipped = new SkippedRange(series, newest + interval.Milliseconds, horizonStart - interval.Milliseconds, (horizonStart - newest - interval.Milliseconds) / interval.Milliseconds);
            _skipped[series] = skipped;
            _logger.LogWarning(
                "{Series}: {Candles} candles from {From:o} to {To:o} lie beyond the backfill horizon ({Horizon} candles) and are not fetched",
                series, skipped.Candles, DateTimeOffset.FromUnixTimeMilliseconds(skipped.From), DateTimeOffset.FromUnixTimeMilliseconds(skipped.To), _options.MaxBackfillCandles);
        }

        var tail = await CommitRangeAsync(series, start, lastClosed, now, cancellationToken).ConfigureAwait(false);
        return (head, tail) switch
        {
            (null, _) => tail,
            (_, null) => head,
            _ => head with { To = tail.To, Count = head.Count + tail.Count },
        };
    }

    /// <summary>
    /// Once per series and process: when the stores begin after the initial window, the part of the window
    /// before their oldest candle. A chart that loaded from the exchange before the first fetch writes
    /// back only the candles it showed (a few, or one short of a full buffer inside the close grace); the
    /// fetcher continues after the newest, so without this the stores would stay too short to answer the
    /// next start's buffers by themselves. Once only: an exchange whose history begins later (a new
    /// listing) is not asked again every run.
    /// </summary>
    private async Task<DataUpdated?> FillHeadAsync(SeriesKey series, SeriesMetadata? stored, long initialStart, long now, CancellationToken cancellationToken)
    {
        if (stored is null || stored.EarliestOpenTime <= initialStart || _headChecked.ContainsKey(series))
        {
            return null;
        }

        var filled = await CommitRangeAsync(series, initialStart, stored.EarliestOpenTime - series.Interval.Milliseconds, now, cancellationToken).ConfigureAwait(false);
        _headChecked[series] = true;
        return filled;
    }

    /// <summary>
    /// Chunk by chunk, each committed (and announced) before the next is read: memory stays flat however
    /// long the range, and a failure keeps everything committed before it.
    /// </summary>
    private async Task<DataUpdated?> CommitRangeAsync(SeriesKey series, long start, long end, long now, CancellationToken cancellationToken)
    {
        DataUpdated? all = null;
        var chunk = (long)Math.Max(1, _options.CommitChunkCandles) * series.Interval.Milliseconds;
        for (var from = start; from <= end; from += chunk)
        {
            var to = Math.Min(end, from + chunk - series.Interval.Milliseconds);
            var candles = await _reader.ReadClosedAsync(series.Symbol, series.Interval, from, to, now, cancellationToken).ConfigureAwait(false);
            if (candles.Count == 0)
            {
                continue;
            }

            var committed = await _committer.CommitAsync(series, candles, _commitOrder, cancellationToken).ConfigureAwait(false);
            all = all is null ? committed : all with { To = committed.To, Count = all.Count + committed.Count };
        }

        return all;
    }

    /// <summary>
    /// The newest bucket whose official kline is final: closed for at least the grace, since the
    /// exchange needs a moment to publish it. A run can start at any time (startup, after a backoff
    /// or a rate-limit pause), so this, not the schedule, is what keeps a forming kline out.
    /// </summary>
    internal static long LastFinal(Interval interval, long now, TimeSpan grace) =>
        interval.Floor(now - (long)grace.TotalMilliseconds) - interval.Milliseconds;

    /// <summary>Per series, the latest range left unfetched because it lay beyond the backfill horizon.</summary>
    public IReadOnlyCollection<SkippedRange> Skipped => [.. _skipped.Values];

    /// <summary>Announcements waiting for a store to commit (see <see cref="ICandleStore.FlushAsync"/>).</summary>
    public int DeferredAnnouncements => _committer.DeferredAnnouncements;

    /// <summary>
    /// What the stores hold of a series, from the first store in commit order that answers: while
    /// PostgreSQL is down, Redis still tells where to continue (the durable writer queues the
    /// PostgreSQL side until it is back).
    /// </summary>
    private async Task<SeriesMetadata?> StoredAsync(SeriesKey series, CancellationToken cancellationToken)
    {
        Exception? last = null;
        foreach (var store in _commitOrder)
        {
            try
            {
                return await store.GetMetadataAsync(series, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning(ex, "Store {Store} could not tell the latest {Series} candle; asking the next", store.Name, series);
                last = ex;
            }
        }

        throw last!;
    }

    private void Record(List<DataUpdated> published, string? error, DateTimeOffset? pausedUntil, int failed)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_sync)
        {
            var count = published.Sum(p => p.Count);
            _status = new FetcherStatus(now, count, _status.TotalCandles + count, pausedUntil ?? NextRunAfter(now), error)
            {
                FailedSeries = failed,
                Series = _options.Symbols.Count * _options.Intervals.Count,
            };
        }
    }
}
