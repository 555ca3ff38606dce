using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Indicators;

/// <summary>
/// An indicator's values over candles someone already holds (a page of the API, a page a chart
/// scrolled back to), computed in one pass after a warm-up read from the same history service
/// (<see cref="IndicatorWarmUp"/>): the first value is as correct as the series' history allows.
/// </summary>
public sealed class IndicatorHistory(ICandleHistory history)
{
    /// <summary>
    /// One value per candle, aligned by open time: closed candles are fed in order, a forming candle
    /// (the last one, if the candles end with it) is previewed. Candles must be oldest first.
    /// </summary>
    public async Task<IndicatorValue[]> ComputeAsync(Series series, IndicatorSpec spec, IReadOnlyList<Candle> candles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(candles);
        if (candles.Count == 0)
        {
            return [];
        }

        var warmUp = await LoadWarmUpAsync(series, spec, candles[0].OpenTime, cancellationToken).ConfigureAwait(false);
        return Compute(spec, warmUp, candles);
    }

    /// <summary>
    /// The closed candles to feed before <paramref name="firstOpenTime"/>, oldest first: as many as
    /// <see cref="IndicatorWarmUp.CandlesBefore"/> asks, fewer where the series' history begins.
    /// </summary>
    public async Task<IReadOnlyList<Candle>> LoadWarmUpAsync(Series series, IndicatorSpec spec, long firstOpenTime, CancellationToken cancellationToken)
    {
        var needed = IndicatorWarmUp.CandlesBefore(spec, series.Interval, firstOpenTime);
        var pages = new List<IReadOnlyList<Candle>>();
        var before = firstOpenTime;
        while (needed > 0)
        {
            var page = await history.LoadBeforeAsync(series.Symbol, series.Interval, before, Math.Min(needed, HistoryPage.MaxCount), cancellationToken).ConfigureAwait(false);
            if (page.Candles.Count == 0)
            {
                break;
            }

            pages.Add(page.Candles);
            needed -= page.Candles.Count;
            before = page.Candles[0].OpenTime;
            if (page.ReachedStart)
            {
                break;
            }
        }

        pages.Reverse();
        return [.. pages.SelectMany(p => p)];
    }

    /// <summary>The values of <paramref name="candles"/> after feeding <paramref name="warmUp"/>; no I/O.</summary>
    public static IndicatorValue[] Compute(IndicatorSpec spec, IReadOnlyList<Candle> warmUp, IReadOnlyList<Candle> candles)
    {
        var indicator = IndicatorFactory.Create(spec);
        foreach (var candle in warmUp)
        {
            indicator.Update(candle);
        }

        var values = new IndicatorValue[candles.Count];
        for (var i = 0; i < candles.Count; i++)
        {
            var candle = candles[i];
            values[i] = candle.IsClosed ? indicator.Update(candle) : indicator.Preview(candle);
        }

        return values;
    }
}
