namespace CandleDashboard.Web.Admin.Status;

/// <summary>"3 s ago" / "in 40 s": the age an operator reads at a glance next to the exact time.</summary>
public static class RelativeTime
{
    public static string Format(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is null)
        {
            return "never";
        }

        var delta = now - at.Value;
        return delta >= TimeSpan.Zero ? $"{Span(delta)} ago" : $"in {Span(-delta)}";
    }

    public static string Span(TimeSpan span)
    {
        if (span < TimeSpan.FromSeconds(1))
        {
            return "<1 s";
        }

        if (span < TimeSpan.FromMinutes(1))
        {
            return $"{(int)span.TotalSeconds} s";
        }

        if (span < TimeSpan.FromHours(1))
        {
            return $"{(int)span.TotalMinutes} min {span.Seconds} s";
        }

        if (span < TimeSpan.FromDays(1))
        {
            return $"{(int)span.TotalHours} h {span.Minutes} min";
        }

        return $"{(int)span.TotalDays} d {span.Hours} h";
    }

    /// <summary>The exact time, UTC, as operators compare it with logs.</summary>
    public static string Absolute(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'") ?? "—";
}
