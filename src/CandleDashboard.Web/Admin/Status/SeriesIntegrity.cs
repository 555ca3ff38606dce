using CandleDashboard.Core.Fetching;

namespace CandleDashboard.Web.Admin.Status;

/// <summary>
/// A series' store integrity as the buffer grid shows it: when the reconciler last checked it, what it
/// found and repaired, and what lay beyond the backfill horizon.
/// </summary>
public sealed record SeriesIntegrity(string ReconciledAgo, string Holes, string? BeyondHorizon, bool HasUnrepaired)
{
    public static SeriesIntegrity None { get; } = new("not yet", "—", null, false);

    public static SeriesIntegrity From(ReconcileStatus? reconcile, SkippedRange? skipped, DateTimeOffset now)
    {
        var horizon = skipped is null
            ? null
            : $"{skipped.Candles} skipped ({DateTimeOffset.FromUnixTimeMilliseconds(skipped.From):yyyy-MM-dd HH:mm} – {DateTimeOffset.FromUnixTimeMilliseconds(skipped.To):yyyy-MM-dd HH:mm} UTC)";
        if (reconcile is null)
        {
            return None with { BeyondHorizon = horizon };
        }

        var holes = reconcile.LastError is { } error
            ? $"check failed: {error}"
            : reconcile.Holes == 0
                ? $"none ({reconcile.TotalRepaired} repaired since start)"
                : $"{reconcile.Holes} found: {reconcile.CopiedBetweenStores} copied, {reconcile.Refetched} refetched, {reconcile.Unrepaired} not available";
        return new SeriesIntegrity(RelativeTime.Format(reconcile.LastRunAt, now), holes, horizon, reconcile.Unrepaired > 0 || reconcile.LastError is not null);
    }
}
