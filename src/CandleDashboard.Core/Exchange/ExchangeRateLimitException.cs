namespace CandleDashboard.Core.Exchange;

/// <summary>
/// The exchange refuses requests for now because too many were made (throttled) or the address was
/// banned for ignoring that. Asking again before <see cref="RetryAfter"/> makes it worse, so
/// callers pause; adapters also refuse locally until then.
/// </summary>
public sealed class ExchangeRateLimitException(string exchange, TimeSpan retryAfter, bool isBanned, string exchangeMessage)
    : ExchangeException(exchange, $"{exchange} {(isBanned ? "banned this address" : "is rate limiting")}: {exchangeMessage} (retry after {retryAfter.TotalSeconds:0.#} s)")
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>True when the address is banned, not merely throttled.</summary>
    public bool IsBanned { get; } = isBanned;
}
