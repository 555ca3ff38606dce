namespace CandleDashboard.Exchange.Kraken.Streaming;

/// <summary>
/// Exponential backoff with full jitter: the n-th consecutive failed attempt waits a uniformly drawn
/// time in [0, min(max, initial · 2ⁿ)), so a long outage is not hammered and the many clients one
/// incident drops do not return in the same second. (The Binance adapter's rule, kept per adapter.)
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max, bool jitter, Random random)
{
    public TimeSpan Ceiling(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt, 0, 40));
        var ticks = initial.Ticks * factor;
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }

    public TimeSpan NextDelay(int attempt)
    {
        var ceiling = Ceiling(attempt);
        return jitter ? TimeSpan.FromTicks((long)(ceiling.Ticks * random.NextDouble())) : ceiling;
    }
}
