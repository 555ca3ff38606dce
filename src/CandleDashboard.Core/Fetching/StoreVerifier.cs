using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;

namespace CandleDashboard.Core.Fetching;

/// <summary>
/// Checks each store's official candles of a series against the exchange over a range: holes on the
/// interval grid (between the store's first and last candle in the range), open times served twice,
/// and candles that differ from the exchange's kline. Read-only: it reports, the reconciler repairs.
/// </summary>
public sealed class StoreVerifier(IKlineSource source, IReadOnlyList<ICandleStore> stores, TimeProvider timeProvider)
{
    private readonly OfficialKlineReader _reader = new(source);

    public async Task<IReadOnlyList<StoreVerification>> VerifyAsync(SeriesKey series, long from, long to, CancellationToken cancellationToken)
    {
        var step = series.Interval.Milliseconds;
        from = series.Interval.Floor(from);
        to = series.Interval.Floor(to);
        var exchange = (await _reader.ReadClosedAsync(series.Symbol, series.Interval, from, to, timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false))
            .ToDictionary(c => c.OpenTime);
        var results = new List<StoreVerification>();
        foreach (var store in stores)
        {
            IReadOnlyList<Candle> stored;
            try
            {
                stored = await store.GetRangeAsync(series, from, to, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                results.Add(new StoreVerification(store.Name, series, 0, [], [], [], ex.Message));
                continue;
            }

            results.Add(Verify(store.Name, series, stored, exchange, step));
        }

        return results;
    }

    private static StoreVerification Verify(string store, SeriesKey series, IReadOnlyList<Candle> stored, Dictionary<long, Candle> exchange, long step)
    {
        if (stored.Count == 0)
        {
            return new StoreVerification(store, series, 0, [], [], [], null);
        }

        var duplicates = stored.GroupBy(c => c.OpenTime).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var held = stored.GroupBy(c => c.OpenTime).ToDictionary(g => g.Key, g => g.First());
        var first = held.Keys.Min();
        var last = held.Keys.Max();
        var holes = new List<long>();
        for (var t = first; t <= last; t += step)
        {
            // A slot the exchange has no kline for either (a trading halt) is not a hole of the store.
            if (!held.ContainsKey(t) && exchange.ContainsKey(t))
            {
                holes.Add(t);
            }
        }

        var mismatches = held.Values
            .Where(c => !exchange.TryGetValue(c.OpenTime, out var truth) || !SameKline(c, truth))
            .OrderBy(c => c.OpenTime)
            .Select(c => (Stored: c, Exchange: exchange.TryGetValue(c.OpenTime, out var truth) ? truth : (Candle?)null))
            .ToList();
        return new StoreVerification(store, series, (int)((last - first) / step) + 1, holes, duplicates, mismatches, null);
    }

    private static bool SameKline(Candle a, Candle b) =>
        a.Open == b.Open && a.High == b.High && a.Low == b.Low && a.Close == b.Close
        && a.Volume == b.Volume && a.QuoteVolume == b.QuoteVolume && a.TradeCount == b.TradeCount && a.IsClosed == b.IsClosed;
}
