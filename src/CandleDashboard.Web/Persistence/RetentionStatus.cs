using System.Collections.Immutable;

namespace CandleDashboard.Web.Persistence;

/// <summary>
/// The retention job's last run per interval, written by <see cref="RetentionWorker"/> and read by the
/// admin page. Replaced whole on each write so a reader never sees half an update.
/// </summary>
public sealed class RetentionStatus
{
    private ImmutableArray<RetentionRun> _runs;

    public RetentionStatus(IReadOnlyList<RetentionRule> rules) =>
        _runs = [.. rules.Select(r => new RetentionRun(r.Interval, r.Keep, null, null, null, null))];

    /// <summary>One entry per configured interval, shortest first; empty when nothing is pruned.</summary>
    public IReadOnlyList<RetentionRun> Runs => _runs;

    internal void Record(RetentionRun run) =>
        ImmutableInterlocked.Update(ref _runs, runs => runs.Select(r => r.Interval == run.Interval ? run : r).ToImmutableArray());
}
