using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Persistence;

/// <summary>What the retention job last did for one interval (for the admin page and the logs).</summary>
/// <param name="LastRunAt">When the last run for this interval ended; null before the first.</param>
/// <param name="RowsDeleted">Rows the last successful run deleted; null before the first success.</param>
/// <param name="CutoffOpenTime">The last run's cutoff: candles opening before it (UTC epoch ms) were deleted.</param>
/// <param name="LastError">Why the last run failed; null when it succeeded.</param>
public sealed record RetentionRun(
    Interval Interval,
    TimeSpan Keep,
    DateTimeOffset? LastRunAt,
    long? RowsDeleted,
    long? CutoffOpenTime,
    string? LastError);
