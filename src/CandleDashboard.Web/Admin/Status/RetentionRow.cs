using System.Globalization;
using CandleDashboard.Web.Persistence;

namespace CandleDashboard.Web.Admin.Status;

/// <summary>One interval's retention as the admin page shows it.</summary>
public sealed record RetentionRow(
    string Interval,
    string Keep,
    DateTimeOffset? LastRunAt,
    string LastRunAgo,
    long? RowsDeleted,
    string Cutoff,
    string? LastError)
{
    public static RetentionRow From(RetentionRun run, DateTimeOffset now) => new(
        run.Interval.Code,
        FormatKeep(run.Keep),
        run.LastRunAt,
        RelativeTime.Format(run.LastRunAt, now),
        run.RowsDeleted,
        run.CutoffOpenTime is { } cutoff ? RelativeTime.Absolute(DateTimeOffset.FromUnixTimeMilliseconds(cutoff)) : "—",
        run.LastError);

    // Keep times are configured in days or hours; "365.00:00:00" reads worse than "365 d".
    private static string FormatKeep(TimeSpan keep) =>
        keep.Ticks % TimeSpan.TicksPerDay == 0 ? $"{keep.TotalDays.ToString(CultureInfo.InvariantCulture)} d"
        : keep.Ticks % TimeSpan.TicksPerHour == 0 ? $"{keep.TotalHours.ToString(CultureInfo.InvariantCulture)} h"
        : keep.ToString("c", CultureInfo.InvariantCulture);
}
