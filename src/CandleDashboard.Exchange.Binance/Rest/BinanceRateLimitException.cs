using System.Net;
using CandleDashboard.Core.History;

namespace CandleDashboard.Exchange.Binance.Rest;

/// <summary>
/// Binance refused the request for exceeding its request weight (HTTP 429) or banned the IP for
/// ignoring earlier 429s (HTTP 418). <see cref="RetryAfter"/> is how long to stay away: requesting
/// earlier escalates the ban, so the client also refuses locally until then.
/// </summary>
public sealed class BinanceRateLimitException : BinanceApiException, IExchangeRateLimit
{
    public BinanceRateLimitException(HttpStatusCode statusCode, int? code, string apiMessage, TimeSpan retryAfter)
        : base(statusCode, code, $"{apiMessage} (retry after {retryAfter.TotalSeconds:0.#} s)")
    {
        RetryAfter = retryAfter;
    }

    public TimeSpan RetryAfter { get; }

    /// <summary>True for 418: the IP is banned, not merely throttled.</summary>
    public bool IsBanned => StatusCode == (HttpStatusCode)418;
}
