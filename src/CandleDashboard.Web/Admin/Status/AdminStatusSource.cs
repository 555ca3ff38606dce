using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Buffers;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Fetching;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Metrics;
using CandleDashboard.Web.Options;
using CandleDashboard.Web.Persistence;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Admin.Status;

/// <summary>
/// Reads the app's singletons (buffers, trade feed, live builder, fetcher, live vs official, retention) for one admin page.
/// Transient: each page gets its own trade-rate history.
/// </summary>
public sealed class AdminStatusSource(
    CandleBufferSet buffers,
    IExchange exchange,
    ILiveCandleStream live,
    OfficialKlineFetcher fetcher,
    StoreReconciler reconciler,
    ILiveDeltaSource liveDeltas,
    IOptions<DashboardOptions> dashboard,
    IOptions<PersistenceOptions> persistence,
    DashboardMetrics metrics,
    RetentionStatus retention,
    TimeProvider time)
{
    private readonly AdminSnapshotBuilder _builder = new(dashboard.Value.StaleAfter);

    public AdminSnapshot Take() => _builder.Build(
        time.GetUtcNow(),
        buffers.Statuses,
        dashboard.Value.EffectiveSymbols,
        exchange.Trades.Status,
        live.GetActivity,
        fetcher.Status,
        persistence.Value.FetchOfficialKlines,
        live.SubscriptionCount,
        metrics.OpenCircuits,
        metrics.OpenHubConnections,
        IntegrityOf,
        liveDeltas.AccuracyOf,
        retention.Runs);

    private SeriesIntegrity IntegrityOf(string symbol, Interval interval) => SeriesIntegrity.From(
        reconciler.Statuses.FirstOrDefault(s => s.Series.Symbol == symbol && s.Series.Interval == interval),
        fetcher.Skipped.FirstOrDefault(s => s.Series.Symbol == symbol && s.Series.Interval == interval),
        time.GetUtcNow());
}
