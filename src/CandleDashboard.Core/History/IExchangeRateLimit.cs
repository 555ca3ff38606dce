namespace CandleDashboard.Core.History;

/// <summary>
/// Implemented by an adapter's exception when the exchange refused a request for rate limiting
/// (HTTP 429/418). An interface, so adapters keep their own exception hierarchy: callers back off
/// for <see cref="RetryAfter"/> before asking again.
/// </summary>
public interface IExchangeRateLimit
{
    TimeSpan RetryAfter { get; }
}
