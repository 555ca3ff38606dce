using System.Threading.RateLimiting;

namespace CandleDashboard.Web.Admin;

/// <summary>
/// Login attempts per client in a fixed one-minute window (the framework's rate limiter,
/// partitioned by <see cref="Security.ClientPartitionKey"/>). Every attempt counts, right or wrong,
/// so guessing stays slow. Behind a reverse proxy configure ForwardedHeaders:KnownProxies, or all
/// clients share the proxy's partition.
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public LoginThrottle(int attemptsPerMinute)
    {
        _limiter = PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, attemptsPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    }

    /// <summary>True when this client may try once more now.</summary>
    public bool TryAcquire(string clientKey)
    {
        using var lease = _limiter.AttemptAcquire(clientKey);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
