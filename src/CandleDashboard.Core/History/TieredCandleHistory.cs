using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CandleDashboard.Core.History;

/// <summary>
/// History from the fastest tier that has it: the stores in order (Redis, then PostgreSQL), then
/// the exchange's REST klines. What a slower tier supplies is written back to the faster ones
/// (closed candles only), so the next load is served from the top. A failing store is skipped
/// and logged, never fatal to a chart.
/// </summary>
public sealed class TieredCandleHistory : ICandleHistory
{
    public const string ExchangeSource = "exchange";

    private readonly IReadOnlyList<ICandleStore> _tiers;
    private readonly ExchangeLoadGate _exchange;
    private readonly TimeProvider _timeProvider;
    private readonly TieredHistoryOptions _options;
    private readonly ILogger _logger;

    /// <param name="tiers">Stores, fastest first.</param>
    /// <param name="exchange">The exchange's history, asked when no store can answer.</param>
    public TieredCandleHistory(
        IReadOnlyList<ICandleStore> tiers,
        ExchangeCandleHistory exchange,
        TimeProvider timeProvider,
        TieredHistoryOptions options,
        ILogger<TieredCandleHistory>? logger = null)
    {
        _tiers = tiers;
        _exchange = new ExchangeLoadGate(exchange, options.MaxConcurrentExchangeLoads);
        _timeProvider = timeProvider;
        _options = options;
        _logger = logger ?? NullLogger<TieredCandleHistory>.Instance;
    }

    /// <summary>History requests sent to the exchange after store misses (identical concurrent loads count once).</summary>
    public long ExchangeRequests => _exchange.Requests;

    public async Task<HistorySlice> LoadAsync(string symbol, Interval interval, int count, CancellationToken cancellationToken)
    {
        var series = new SeriesKey(_options.Exchange, symbol, interval);
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var lastClosed = interval.Floor(now) - interval.Milliseconds;
        var maxLag = Math.Max(interval.Milliseconds, (long)_options.MaxServedLag.TotalMilliseconds);

        for (var i = 0; i < _tiers.Count; i++)
        {
            var candles = await TryReadAsync(_tiers[i], series, count, cancellationToken).ConfigureAwait(false);
            if (candles is { Count: > 0 } && candles.Count >= count && lastClosed - candles[^1].OpenTime <= maxLag)
            {
                if (FirstHole(candles, interval) is { } hole)
                {
                    // A store read by rank goes straight across a hole; serving it would show a chart
                    // with a missing candle. The next tier answers; the reconciler repairs this one.
                    _logger.LogWarning("Candle store {Store} has a hole in {Series} after {OpenTime:o}; asking the next tier",
                        _tiers[i].Name, series, DateTimeOffset.FromUnixTimeMilliseconds(hole));
                    continue;
                }

                await WriteBackAsync(_tiers.Take(i), series, candles, cancellationToken).ConfigureAwait(false);
                return new HistorySlice(candles, _tiers[i].Name, HistoryGap.Of(candles[^1].OpenTime, interval, now));
            }
        }

        // One more than asked: the newest kline is usually still forming, and the stores need
        // `count` closed ones to answer the next load by themselves.
        var fetched = await _exchange.GetRecentAsync(symbol, interval, count + 1, cancellationToken).ConfigureAwait(false);
        var closed = fetched.Where(c => c.IsClosed).TakeLast(count).ToArray();

        // Shown now, but stored only once final: a kline that closed a moment ago may still change at
        // the exchange, and a stored official candle is never fetched again.
        var lastFinal = interval.Floor(now - (long)_options.CloseGrace.TotalMilliseconds) - interval.Milliseconds;
        await WriteBackAsync(_tiers, series, [.. closed.Where(c => c.OpenTime <= lastFinal)], cancellationToken).ConfigureAwait(false);
        long? latestStored = closed.Length > 0 ? closed[^1].OpenTime : null;
        Candle[] withForming = fetched.Count > 0 && !fetched[^1].IsClosed ? [.. closed, fetched[^1]] : closed;
        return new HistorySlice(withForming, ExchangeSource, HistoryGap.Of(latestStored, interval, now));
    }

    /// <summary>
    /// A page from the fastest store that holds all of it, else from the exchange (written back to the
    /// stores). A store that holds part of a page does not answer: it cannot tell a candle it never
    /// fetched from one the exchange never had, so only the exchange can say the start is reached.
    /// </summary>
    public async Task<HistoryPage> LoadBeforeAsync(string symbol, Interval interval, long beforeOpenTime, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, HistoryPage.MaxCount);
        if (beforeOpenTime <= 0)
        {
            // Nothing opens before 1970 on any exchange; asking would send Binance a negative endTime.
            return new HistoryPage([], ExchangeSource, ReachedStart: true);
        }

        var series = new SeriesKey(_options.Exchange, symbol, interval);
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

        // The page ends with the last bucket that opens before the asked time (a bucket containing that
        // time opens before it), and never later than the last closed bucket: a page has no live candle.
        var newest = Math.Min(interval.Floor(beforeOpenTime - 1), interval.Floor(now) - interval.Milliseconds);
        var oldest = newest - ((count - 1) * interval.Milliseconds);

        for (var i = 0; i < _tiers.Count; i++)
        {
            var candles = await TryReadRangeAsync(_tiers[i], series, oldest, newest, cancellationToken).ConfigureAwait(false);
            if (candles is { } page && page.Count == count && page[0].OpenTime == oldest && page[^1].OpenTime == newest && FirstHole(page, interval) is null)
            {
                await WriteBackAsync(_tiers.Take(i), series, page, cancellationToken).ConfigureAwait(false);
                return new HistoryPage(page, _tiers[i].Name, ReachedStart: false);
            }
        }

        // Asked on the grid, so charts panning the same series from times inside one bucket share a request.
        var fetched = await _exchange.GetBeforeAsync(symbol, interval, newest + interval.Milliseconds, count, cancellationToken).ConfigureAwait(false);
        var reachedStart = fetched.Count < count;
        var closed = fetched.Where(c => c.IsClosed && c.OpenTime <= newest).ToArray();
        var consecutive = ConsecutiveTail(closed, interval);
        if (consecutive.Length < closed.Length)
        {
            // The exchange's own history has a hole (a trading halt). The page is the part next to the asked
            // time; the next page, before its first candle, continues on the far side of the hole.
            _logger.LogInformation("The exchange's {Series} history has a hole after {OpenTime:o}; the page stops at it",
                series, DateTimeOffset.FromUnixTimeMilliseconds(closed[closed.Length - consecutive.Length - 1].OpenTime));
            reachedStart = false;
        }

        // Only final klines are stored, as in LoadAsync: a page asked right after a boundary may end with one
        // that can still change at the exchange.
        var lastFinal = interval.Floor(now - (long)_options.CloseGrace.TotalMilliseconds) - interval.Milliseconds;
        await WriteBackAsync(_tiers, series, [.. consecutive.Where(c => c.OpenTime <= lastFinal)], cancellationToken).ConfigureAwait(false);
        return new HistoryPage(consecutive, ExchangeSource, reachedStart);
    }

    /// <summary>From the fastest tier that answers (for data_updated refreshes).</summary>
    public async Task<IReadOnlyList<Candle>> GetRangeAsync(string symbol, Interval interval, long fromOpenTime, long toOpenTime, CancellationToken cancellationToken)
    {
        var series = new SeriesKey(_options.Exchange, symbol, interval);
        var expected = ((toOpenTime - interval.Floor(fromOpenTime)) / interval.Milliseconds) + 1;
        IReadOnlyList<Candle> best = [];
        foreach (var tier in _tiers)
        {
            try
            {
                // A tier with a hole in the range does not answer while another may have it all.
                var candles = await tier.GetRangeAsync(series, fromOpenTime, toOpenTime, cancellationToken).ConfigureAwait(false);
                if (candles.Count >= expected)
                {
                    return candles;
                }

                best = candles.Count > best.Count ? candles : best;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning(ex, "Candle store {Store} failed reading {Series}; trying the next tier", tier.Name, series);
            }
        }

        return best;
    }

    /// <summary>The open time after which the next candle is missing, or null when the candles are consecutive.</summary>
    internal static long? FirstHole(IReadOnlyList<Candle> candles, Interval interval)
    {
        for (var i = 1; i < candles.Count; i++)
        {
            if (candles[i].OpenTime - candles[i - 1].OpenTime != interval.Milliseconds)
            {
                return candles[i - 1].OpenTime;
            }
        }

        return null;
    }

    /// <summary>The newest run of consecutive candles (all of them when there is no hole).</summary>
    private static Candle[] ConsecutiveTail(Candle[] candles, Interval interval)
    {
        var start = candles.Length - 1;
        while (start > 0 && candles[start].OpenTime - candles[start - 1].OpenTime == interval.Milliseconds)
        {
            start--;
        }

        return start <= 0 ? candles : candles[start..];
    }

    private async Task<IReadOnlyList<Candle>?> TryReadRangeAsync(ICandleStore tier, SeriesKey series, long fromOpenTime, long toOpenTime, CancellationToken cancellationToken)
    {
        try
        {
            return await tier.GetRangeAsync(series, fromOpenTime, toOpenTime, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Candle store {Store} failed reading {Series}; trying the next tier", tier.Name, series);
            return null;
        }
    }

    private async Task<IReadOnlyList<Candle>?> TryReadAsync(ICandleStore tier, SeriesKey series, int count, CancellationToken cancellationToken)
    {
        try
        {
            return await tier.GetRecentAsync(series, count, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Candle store {Store} failed reading {Series}; trying the next tier", tier.Name, series);
            return null;
        }
    }

    /// <summary>Writes to the given tiers slowest first, as the fetcher commits (durable store before cache).</summary>
    private async Task WriteBackAsync(IEnumerable<ICandleStore> tiers, SeriesKey series, IReadOnlyList<Candle> candles, CancellationToken cancellationToken)
    {
        if (candles.Count == 0)
        {
            return;
        }

        foreach (var tier in tiers.Reverse())
        {
            try
            {
                await tier.UpsertAsync(series, candles, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning(ex, "Candle store {Store} failed writing back {Count} candles of {Series}", tier.Name, candles.Count, series);
            }
        }
    }
}
