using System.Threading.RateLimiting;

namespace CandleDashboard.Web.Admin;

/// <summary>
/// Login attempts per client IP in a fixed one-minute window (the framework's rate limiter,
/// partitioned by address). Every attempt counts, right or wrong, so guessing stays slow.
/// Behind a reverse proxy configure forwarded headers, or all clients share one partition.
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
    public bool TryAcquire(string clientIp)
    {
        using var lease = _limiter.AttemptAcquire(clientIp);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
