using CandleDashboard.Core.Market;
using CandleDashboard.Web.Metrics;
using CandleDashboard.Web.Options;
using CandleDashboard.Web.Persistence;
using CandleDashboard.Web.Venues;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Admin.Status;

/// <summary>
/// Reads the app's singletons (buffers, trade feed, live builder, fetcher, live vs official, retention) for one admin page.
/// Transient: each page gets its own trade-rate history.
/// </summary>
public sealed class AdminStatusSource(
    VenueDirectory venues,
    IOptions<DashboardOptions> dashboard,
    IOptions<PersistenceOptions> persistence,
    DashboardMetrics metrics,
    RetentionStatus retention,
    TimeProvider time)
{
    private readonly AdminSnapshotBuilder _builder = new(dashboard.Value.StaleAfter);

    public IReadOnlyList<Venue> Venues => venues.All;

    /// <summary>One venue's page (the default venue's when none is named).</summary>
    public AdminSnapshot Take(Venue? venue = null)
    {
        venue ??= venues.Default;
        return _builder.Build(
            time.GetUtcNow(),
            venue.Buffers.Statuses,
            venue.Catalog.Symbols,
            venue.FeedStatus,
            venue.Live.GetActivity,
            venue.Fetcher.Status,
            persistence.Value.FetchOfficialKlines,
            venue.Live.SubscriptionCount,
            metrics.OpenCircuits,
            metrics.OpenHubConnections,
            (symbol, interval) => IntegrityOf(venue, symbol, interval),
            venue.LiveDeltas.AccuracyOf,
            retention.Runs) with { Role = InstanceRole.Of(venue.Leadership, time.GetUtcNow()) };
    }

    private SeriesIntegrity IntegrityOf(Venue venue, string symbol, Interval interval) => SeriesIntegrity.From(
        venue.Reconciler.Statuses.FirstOrDefault(s => s.Series.Symbol == symbol && s.Series.Interval == interval),
        venue.Fetcher.Skipped.FirstOrDefault(s => s.Series.Symbol == symbol && s.Series.Interval == interval),
        time.GetUtcNow());
}
