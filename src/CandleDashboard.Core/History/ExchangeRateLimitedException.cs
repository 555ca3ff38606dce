namespace CandleDashboard.Core.History;

/// <summary>
/// The exchange refused a request for rate limiting (HTTP 429/418). Callers back off for
/// <see cref="RetryAfter"/> before asking again; adapters throw this (or a subclass).
/// </summary>
public class ExchangeRateLimitedException(string message, TimeSpan retryAfter, Exception? inner = null)
    : Exception(message, inner)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
