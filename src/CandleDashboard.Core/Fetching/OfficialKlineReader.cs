using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Fetching;

/// <summary>
/// Reads closed official candles of a range from the exchange: paged, and resampled from the finest
/// served interval that divides the asked one when the exchange does not serve it (Binance: 15s and
/// 30s from 1s). Only complete buckets come back: a resampled bucket missing a constituent would be
/// a wrong official candle.
/// </summary>
public sealed class OfficialKlineReader(IKlineSource source)
{
    /// <summary>Closed official candles with open time in [start, end], oldest first.</summary>
    public async Task<IReadOnlyList<Candle>> ReadClosedAsync(string symbol, Interval interval, long start, long end, long now, CancellationToken cancellationToken)
    {
        // Official reads are catch-up and repair work: chart loads keep part of the request budget. Set
        // inside this async method, the mark ends with it (nothing the caller does afterwards carries it).
        using var background = ExchangeRequestPriority.BackgroundScope();
        if (source.SupportedIntervals.Contains(interval))
        {
            var direct = await ReadRangeAsync(symbol, interval, start, end, cancellationToken).ConfigureAwait(false);
            return direct.Where(c => c.IsClosed && c.OpenTime >= start && c.OpenTime <= end).ToArray();
        }

        var basis = CandleResampler.BasisFor(source.SupportedIntervals, interval);
        var fine = (await ReadRangeAsync(symbol, basis, start, end + interval.Milliseconds - 1, cancellationToken).ConfigureAwait(false))
            .Where(c => c.IsClosed)
            .ToArray();
        var perBucket = interval.Milliseconds / basis.Milliseconds;
        var constituents = fine.CountBy(c => interval.Floor(c.OpenTime)).ToDictionary();

        return CandleResampler.Resample(fine, interval, now)
            .Where(c => c.IsClosed && c.OpenTime >= start && c.OpenTime <= end && constituents[c.OpenTime] == perBucket)
            // Every constituent came from the exchange; one built from its trades keeps that mark.
            .Select(c => c.IsOfficial() ? c : c with { Source = CandleSource.Official })
            .ToArray();
    }

    private async Task<List<Candle>> ReadRangeAsync(string symbol, Interval interval, long start, long end, CancellationToken cancellationToken)
    {
        var all = new List<Candle>();
        for (var from = start; from <= end;)
        {
            var page = await source.GetKlinesAsync(symbol, interval, from, end, source.MaxKlinesPerRequest, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            all.AddRange(page);
            from = page[^1].OpenTime + interval.Milliseconds;
        }

        return all;
    }
}
