using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Metrics;

namespace CandleDashboard.Web.Api;

/// <summary>
/// The candles a request names, read one way for every endpoint that serves candles or values aligned
/// with them (<c>/api/candles</c>, <c>/api/indicators</c>): the newest ones joined to the live candles,
/// or, with a <c>before</c>, the page of closed official candles before it.
/// </summary>
/// <param name="Gap">How far stored history lags; null on a page, which does not read the newest stored candle.</param>
/// <param name="ReachedStart">True only on a page: the exchange has nothing older.</param>
internal sealed record CandleRead(IReadOnlyList<Candle> Candles, string Source, HistoryGap? Gap, bool ReachedStart)
{
    /// <summary>The <c>before</c> of the page before this one; null when the start is reached or nothing was read.</summary>
    public long? NextBefore => ReachedStart || Candles.Count == 0 ? null : Candles[0].OpenTime;

    public static async Task<CandleRead> ReadAsync(
        Series series, int count, bool withLive, long? before, ICandleHistory history, ILiveCandleStream live, DashboardMetrics metrics, CancellationToken cancellationToken)
    {
        if (before is { } beforeOpenTime)
        {
            var page = await history.LoadBeforeAsync(series.Symbol, series.Interval, beforeOpenTime, count, cancellationToken);
            metrics.RowsFetched(page.Candles.Count, page.Source);
            return new CandleRead(page.Candles, page.Source, Gap: null, page.ReachedStart);
        }

        var slice = await history.LoadAsync(series.Symbol, series.Interval, count, cancellationToken);
        metrics.RowsFetched(slice.Candles.Count, slice.Source);
        IReadOnlyList<Candle> candles = withLive
            ? CandleMerge.WithLiveCandles(slice.Candles, live.GetLiveCandles(series.Symbol, series.Interval))
            // Closed candles only: the exchange tier may hand back its own forming kline too.
            : [.. slice.Candles.Where(c => c.IsClosed)];

        // A recent answer does not look for the start of the series: it only hands out the cursor of the
        // page before it. reachedStart true is a promise only a page makes.
        return new CandleRead([.. candles.TakeLast(count)], slice.Source, slice.Gap, ReachedStart: false);
    }
}
