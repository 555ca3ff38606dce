using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Buffers;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Fetching;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Persistence;

namespace CandleDashboard.Web.Admin.Status;

/// <summary>
/// Turns the core's raw status records into the rows the page shows. Pure apart from the trade
/// rate meter it keeps between calls, so one builder belongs to one page (one sampling cadence).
/// </summary>
public sealed class AdminSnapshotBuilder(TimeSpan staleAfter)
{
    private readonly TradeRateMeter _rates = new();

    public AdminSnapshot Build(
        DateTimeOffset now,
        IReadOnlyList<CandleBufferStatus> buffers,
        IReadOnlyList<string> symbols,
        FeedStatus feed,
        Func<string, SymbolActivity?> activityOf,
        FetcherStatus fetcher,
        bool fetcherEnabled,
        int chartSubscriptions,
        long openCircuits = 0,
        long hubConnections = 0,
        Func<string, Interval, SeriesIntegrity>? integrityOf = null,
        Func<string, Interval, LiveAccuracy?>? liveAccuracyOf = null,
        IReadOnlyList<RetentionRun>? retention = null)
    {
        var bufferRows = buffers
            .Select(b => BufferRow.From(b, now) with
            {
                Integrity = integrityOf?.Invoke(b.Symbol, b.Interval) ?? SeriesIntegrity.None,
                LiveAccuracy = liveAccuracyOf?.Invoke(b.Symbol, b.Interval),
            })
            .OrderBy(b => b.Symbol, StringComparer.Ordinal)
            .ThenBy(b => b.IntervalMilliseconds)
            .ToList();

        var feedRows = symbols
            .Select(symbol =>
            {
                var activity = activityOf(symbol);
                var rate = activity is null ? null : _rates.Sample(symbol, activity.AcceptedTrades, now);
                return SymbolFeedRow.From(symbol, feed.State, activity, rate, now, staleAfter);
            })
            .ToList();

        return new AdminSnapshot(now, bufferRows, feedRows, feed, FetcherView.From(fetcher, fetcherEnabled, now), chartSubscriptions, openCircuits, hubConnections,
            [.. (retention ?? []).Select(r => RetentionRow.From(r, now))]);
    }
}
