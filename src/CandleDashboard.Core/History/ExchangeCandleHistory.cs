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
            return await FetchNewestAsync(symbol, interval, count, cancellationToken).ConfigureAwait(false);
        }

        var basis = CandleResampler.BasisFor(source.SupportedIntervals, interval);
        var ratio = (int)(interval.Milliseconds / basis.Milliseconds);

        // One extra target bucket: the oldest one fetched is usually partial and is dropped.
        var fine = await FetchNewestAsync(symbol, basis, (count + 1) * ratio, cancellationToken).ConfigureAwait(false);
        var coarse = CandleResampler.Resample(fine, interval, timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        if (coarse.Count > 0 && fine.Count > 0 && fine[0].OpenTime != coarse[0].OpenTime)
        {
            coarse.RemoveAt(0);
        }

        return coarse.Count > count ? coarse.GetRange(coarse.Count - count, count) : coarse;
    }

    /// <summary>The newest <paramref name="count"/> klines, paging backwards by end time.</summary>
    private async Task<IReadOnlyList<Candle>> FetchNewestAsync(string symbol, Interval interval, int count, CancellationToken cancellationToken)
    {
        var pages = new List<IReadOnlyList<Candle>>();
        long? endTime = null;
        var remaining = count;
        while (remaining > 0)
        {
            var limit = Math.Min(remaining, source.MaxKlinesPerRequest);
            var startTime = endTime is { } end ? end - ((long)limit * interval.Milliseconds) + 1 : (long?)null;
            var page = await source.GetKlinesAsync(symbol, interval, startTime, endTime, limit, cancellationToken).ConfigureAwait(false);
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
