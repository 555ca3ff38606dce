using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.History;
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
    private readonly IKlineSource _source;
    private readonly IReadOnlyList<ICandleStore> _commitOrder;
    private readonly IDataUpdatedBus _bus;
    private readonly FetcherOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly object _sync = new();
    private FetcherStatus _status = new(null, 0, 0, null, null);
    private int _deferredAnnouncements;

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

        _source = source;
        _commitOrder = commitOrder;
        _bus = bus;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<OfficialKlineFetcher>.Instance;
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

    /// <summary>Brings every series up to the last closed bucket. Returns what it committed (each announced once every store can serve it).</summary>
    public async Task<IReadOnlyList<DataUpdated>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var published = new List<DataUpdated>();
        string? error = null;
        try
        {
            foreach (var symbol in _options.Symbols)
            {
                foreach (var interval in _options.Intervals)
                {
                    try
                    {
                        if (await FetchSeriesAsync(new SeriesKey(_options.Exchange, symbol, interval), cancellationToken).ConfigureAwait(false) is { } message)
                        {
                            published.Add(message);
                        }
                    }
                    catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not ExchangeRateLimitException)
                    {
                        // Everything but our own shutdown, including a timeout or a cancellation from below
                        // (OperationCanceledException is not a shutdown unless our token says so).
                        error = $"{symbol} {interval}: {ex.Message}";
                        _logger.LogError(ex, "Fetching official {Symbol} {Interval} klines failed; retried next run", symbol, interval);
                    }
                }
            }
        }
        catch (ExchangeRateLimitException limit)
        {
            // The whole run stops: every further request would be refused too.
            error = $"rate limited by the exchange, retry after {limit.RetryAfter.TotalSeconds:0}s";
            _logger.LogWarning("Exchange rate limit hit; fetcher pauses for {RetryAfter}", limit.RetryAfter);
            Record(published, error, _timeProvider.GetUtcNow() + limit.RetryAfter);
            return published;
        }

        Record(published, error, null);
        return published;
    }

    /// <summary>Fetches, commits and announces what one series is missing; null when it is up to date.</summary>
    public async Task<DataUpdated?> FetchSeriesAsync(SeriesKey series, CancellationToken cancellationToken)
    {
        var interval = series.Interval;
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var lastClosed = interval.Floor(now) - interval.Milliseconds;
        var latest = await LatestStoredAsync(series, cancellationToken).ConfigureAwait(false);
        if (latest >= lastClosed)
        {
            return null;
        }

        var start = latest is { } l
            ? Math.Max(l + interval.Milliseconds, lastClosed - ((long)(_options.MaxBackfillCandles - 1) * interval.Milliseconds))
            : lastClosed - ((long)(_options.InitialCandles - 1) * interval.Milliseconds);
        var candles = await FetchClosedAsync(series.Symbol, interval, start, lastClosed, now, cancellationToken).ConfigureAwait(false);
        if (candles.Count == 0)
        {
            return null;
        }

        foreach (var store in _commitOrder)
        {
            await store.UpsertAsync(series, candles, cancellationToken).ConfigureAwait(false);
        }

        var message = new DataUpdated(series.Exchange, series.Symbol, interval.Code, candles[0].OpenTime, candles[^1].OpenTime, candles.Count);
        var committed = Task.WhenAll(_commitOrder.Select(s => s.FlushAsync(cancellationToken)));
        if (committed.IsCompletedSuccessfully)
        {
            await _bus.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // A store queued the write (PostgreSQL down behind the durable writer). The run goes on, so
            // the other series and the other stores stay current; this announcement waits until every
            // store can serve the candles, because a chart told earlier would read a hole.
            Interlocked.Increment(ref _deferredAnnouncements);
            _ = AnnounceWhenCommittedAsync(committed, message, cancellationToken);
        }

        return message;
    }

    /// <summary>Announcements waiting for a store to commit (see <see cref="ICandleStore.FlushAsync"/>).</summary>
    public int DeferredAnnouncements => Volatile.Read(ref _deferredAnnouncements);

    private async Task AnnounceWhenCommittedAsync(Task committed, DataUpdated message, CancellationToken cancellationToken)
    {
        try
        {
            await committed.ConfigureAwait(false);
            await _bus.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: the next start announces nothing old, but the stores hold the candles.
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Announcing {Count} official {Symbol} {Interval} candles failed after they were committed", message.Count, message.Symbol, message.Interval);
        }
        finally
        {
            Interlocked.Decrement(ref _deferredAnnouncements);
        }
    }

    /// <summary>
    /// The newest stored open time, from the first store in commit order that answers: while
    /// PostgreSQL is down, Redis still tells where to continue (the durable writer queues the
    /// PostgreSQL side until it is back).
    /// </summary>
    private async Task<long?> LatestStoredAsync(SeriesKey series, CancellationToken cancellationToken)
    {
        Exception? last = null;
        foreach (var store in _commitOrder)
        {
            try
            {
                return (await store.GetMetadataAsync(series, cancellationToken).ConfigureAwait(false))?.LatestOpenTime;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Store {Store} could not tell the latest {Series} candle; asking the next", store.Name, series);
                last = ex;
            }
        }

        throw last!;
    }

    /// <summary>Closed official candles with open time in [start, end], from the exchange or resampled from a finer interval.</summary>
    private async Task<IReadOnlyList<Candle>> FetchClosedAsync(string symbol, Interval interval, long start, long end, long now, CancellationToken cancellationToken)
    {
        if (_source.SupportedIntervals.Contains(interval))
        {
            var direct = await FetchRangeAsync(symbol, interval, start, end, cancellationToken).ConfigureAwait(false);
            return direct.Where(c => c.IsClosed && c.OpenTime <= end).ToArray();
        }

        var basis = _source.SupportedIntervals
            .Where(b => b.Milliseconds < interval.Milliseconds && interval.Milliseconds % b.Milliseconds == 0)
            .OrderByDescending(b => b.Milliseconds)
            .Cast<Interval?>()
            .FirstOrDefault()
            ?? throw new NotSupportedException($"The exchange serves no interval that {interval} can be built from.");
        var fine = (await FetchRangeAsync(symbol, basis, start, end + interval.Milliseconds - 1, cancellationToken).ConfigureAwait(false))
            .Where(c => c.IsClosed)
            .ToArray();
        var perBucket = interval.Milliseconds / basis.Milliseconds;
        var constituents = fine.CountBy(c => interval.Floor(c.OpenTime)).ToDictionary();

        // Only buckets whose every constituent is closed and present are committed as official:
        // a partial bucket would be a wrong official candle.
        return CandleResampler.Resample(fine, interval, now)
            .Where(c => c.IsClosed && c.OpenTime >= start && c.OpenTime <= end && constituents[c.OpenTime] == perBucket)
            .Select(c => c with { Source = CandleSource.Official })
            .ToArray();
    }

    private async Task<List<Candle>> FetchRangeAsync(string symbol, Interval interval, long start, long end, CancellationToken cancellationToken)
    {
        var all = new List<Candle>();
        for (var from = start; from <= end;)
        {
            var page = await _source.GetKlinesAsync(symbol, interval, from, end, _source.MaxKlinesPerRequest, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            all.AddRange(page);
            from = page[^1].OpenTime + interval.Milliseconds;
        }

        return all;
    }

    private void Record(List<DataUpdated> published, string? error, DateTimeOffset? pausedUntil)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_sync)
        {
            var count = published.Sum(p => p.Count);
            _status = new FetcherStatus(now, count, _status.TotalCandles + count, pausedUntil ?? NextRunAfter(now), error);
        }
    }
}
