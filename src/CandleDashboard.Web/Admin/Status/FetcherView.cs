using CandleDashboard.Core.Fetching;

namespace CandleDashboard.Web.Admin.Status;

/// <summary>The official-kline fetcher as the admin page shows it.</summary>
public sealed record FetcherView(
    bool Enabled,
    DateTimeOffset? LastRunAt,
    string LastRunAgo,
    int LastRunCandles,
    long TotalCandles,
    DateTimeOffset? NextRunAt,
    string NextRunIn,
    string? LastError,
    Attention Attention)
{
    public static FetcherView From(FetcherStatus status, bool enabled, DateTimeOffset now) => new(
        enabled,
        status.LastRunAt,
        RelativeTime.Format(status.LastRunAt, now),
        status.LastRunCandles,
        status.TotalCandles,
        status.NextRunAt,
        RelativeTime.Format(status.NextRunAt, now),
        status.LastError,
        string.IsNullOrEmpty(status.LastError) ? Attention.None : Attention.FetcherError);
}
