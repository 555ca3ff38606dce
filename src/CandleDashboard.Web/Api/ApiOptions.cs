using CandleDashboard.Core.History;

namespace CandleDashboard.Web.Api;

/// <summary>Settings of the public REST API, bound from the <c>Api</c> configuration section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>
    /// Upper bound of <c>count</c> on the candles endpoint; keeps one request's work bounded. The same
    /// for the newest candles and a scroll-back page, so it is the history's page limit (1000).
    /// </summary>
    public const int MaxCount = HistoryPage.MaxCount;

    /// <summary>Used when a request gives no <c>count</c>.</summary>
    public const int DefaultCount = 100;

    public ApiRateLimitOptions RateLimit { get; set; } = new();
}

/// <summary>
/// Per client IP fixed window for <c>/api/*</c> (<c>Api:RateLimit</c>). Requests beyond the limit
/// are refused with 429 at once rather than queued: a chart client should back off, not pile up.
/// </summary>
public sealed class ApiRateLimitOptions
{
    /// <summary>Off only for load tests on loopback.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests one IP may make per window.</summary>
    public int PermitLimit { get; set; } = 120;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);
}
