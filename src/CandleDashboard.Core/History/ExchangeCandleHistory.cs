using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.History;

/// <summary>
/// History straight from the exchange's REST klines: the last tier of <see cref="TieredCandleHistory"/>.
/// Intervals the exchange lacks are resampled from the coarsest exchange interval that divides them.
/// </summary>
public sealed class ExchangeCandleHistory(IKlineSource source, TimeProvider timeProvider)
{
    /// <summary>The newest <paramref name="count"/> klines, oldest first; the last may be the forming one.</summary>
    public async Task<IReadOnlyList<Candle>> GetRecentAsync(string symbol, Interval interval, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (source.SupportedIntervals.Contains(interval))
        {
            return await FetchBackwardsAsync(symbol, interval, count, endTime: null, cancellationToken).ConfigureAwait(false);
        }

        var basis = CandleResampler.BasisFor(source.SupportedIntervals, interval);
        var ratio = (int)(interval.Milliseconds / basis.Milliseconds);

        // One extra target bucket: the oldest one fetched is usually partial and is dropped.
        var fine = await FetchBackwardsAsync(symbol, basis, (count + 1) * ratio, endTime: null, cancellationToken).ConfigureAwait(false);
        var coarse = CandleResampler.Resample(fine, interval, timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        if (coarse.Count > 0 && fine.Count > 0 && fine[0].OpenTime != coarse[0].OpenTime)
        {
            coarse.RemoveAt(0);
        }

        return coarse.Count > count ? coarse.GetRange(coarse.Count - count, count) : coarse;
    }

    /// <summary>
    /// Up to <paramref name="count"/> klines with open time before <paramref name="beforeOpenTime"/>, oldest
    /// first, the newest being the last bucket that opens before it (a time inside a bucket includes that
    /// bucket: its open time is before). The first request asks with endTime = beforeOpenTime - 1, further
    /// ones page on backwards. Fewer than asked means the exchange has nothing older. Klines are returned as
    /// the exchange sends them: a hole in its own history stays a hole, and asking past the forming bucket
    /// returns the forming kline last.
    /// </summary>
    public async Task<IReadOnlyList<Candle>> GetBeforeAsync(string symbol, Interval interval, long beforeOpenTime, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);

        // endTime would be negative: no exchange has klines before 1970, and Binance rejects the request.
        ArgumentOutOfRangeException.ThrowIfLessThan(beforeOpenTime, 1);
        if (source.SupportedIntervals.Contains(interval))
        {
            return await FetchBackwardsAsync(symbol, interval, count, beforeOpenTime - 1, cancellationToken).ConfigureAwait(false);
        }

        var basis = CandleResampler.BasisFor(source.SupportedIntervals, interval);
        var ratio = (int)(interval.Milliseconds / basis.Milliseconds);

        // Whole target buckets: every constituent up to the end of the newest bucket wanted, so the page
        // is the same whether or not the asked time lies on a bucket boundary.
        var newest = interval.Floor(beforeOpenTime - 1);
        var fine = await FetchBackwardsAsync(symbol, basis, count * ratio, newest + interval.Milliseconds - 1, cancellationToken).ConfigureAwait(false);
        var coarse = CandleResampler.Resample(fine, interval, timeProvider.GetUtcNow().ToUnixTimeMilliseconds());

        // A full fetch starts on a bucket boundary. A short one (the exchange's history begins) may start
        // inside a bucket, which is then missing its first constituents and is not served.
        if (coarse.Count > 0 && fine[0].OpenTime != coarse[0].OpenTime)
        {
            coarse.RemoveAt(0);
        }

        return coarse.Count > count ? coarse.GetRange(coarse.Count - count, count) : coarse;
    }

    /// <summary>
    /// The newest <paramref name="count"/> klines with open time up to <paramref name="endTime"/> (null: up
    /// to now), oldest first, paging backwards. Each request names only its end time, which the exchange
    /// answers with the newest `limit` klines up to it: a hole in its history does not shorten a page,
    /// so a short page means the exchange has nothing older.
    /// </summary>
    private async Task<IReadOnlyList<Candle>> FetchBackwardsAsync(string symbol, Interval interval, int count, long? endTime, CancellationToken cancellationToken)
    {
        var pages = new List<IReadOnlyList<Candle>>();
        var remaining = count;
        while (remaining > 0)
        {
            var limit = Math.Min(remaining, source.MaxKlinesPerRequest);
            var page = await source.GetKlinesAsync(symbol, interval, null, endTime, limit, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            pages.Add(page);
            remaining -= page.Count;
            endTime = page[0].OpenTime - 1;
            if (page.Count < limit)
            {
                break;
            }
        }

        pages.Reverse();
        return pages.SelectMany(p => p).ToList();
    }
}
