using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Persistence;

/// <summary>Candles of <paramref name="Interval"/> are kept for <paramref name="Keep"/> after their open time.</summary>
public readonly record struct RetentionRule(Interval Interval, TimeSpan Keep)
{
    /// <summary>The rules of validated options, shortest interval first (<see cref="PersistenceOptionsValidator"/> ran at startup).</summary>
    public static IReadOnlyList<RetentionRule> From(PersistenceOptions options) =>
        [.. options.Retention
            .Select(r => new RetentionRule(Interval.Parse(r.Key), r.Value))
            .OrderBy(r => r.Interval.Milliseconds)];

    /// <summary>Candles opening before this (UTC epoch ms) are deleted at <paramref name="now"/>.</summary>
    public long CutoffAt(DateTimeOffset now) => (now - Keep).ToUnixTimeMilliseconds();
}
