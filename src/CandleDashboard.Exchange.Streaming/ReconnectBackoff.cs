namespace CandleDashboard.Exchange.Streaming;

/// <summary>
/// Exponential backoff with full jitter: the n-th consecutive failed attempt waits a uniformly drawn
/// time in [0, min(max, initial · 2ⁿ)). The exponential ceiling stops a long exchange outage from
/// being hammered; the jitter spreads out the many clients that an exchange-wide disconnect drops
/// at the same instant, so they do not all come back in the same second.
/// </summary>
/// <remarks>
/// Settings and attempts out of range are rejected rather than clamped (the Kraken copy clamped a
/// negative attempt to 0 and checked nothing): both adapters' options validation already refuses
/// such delays, and a negative attempt can only come from a bug in the caller's counting, which
/// should show rather than quietly reconnect at the shortest delay.
/// </remarks>
public sealed class ReconnectBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly bool _jitter;
    private readonly Random _random;

    public ReconnectBackoff(TimeSpan initial, TimeSpan max, bool jitter, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, initial);
        _initial = initial;
        _max = max;
        _jitter = jitter;
        _random = random ?? throw new ArgumentNullException(nameof(random));
    }

    /// <summary>The largest delay attempt <paramref name="attempt"/> (0-based) may wait.</summary>
    public TimeSpan Ceiling(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);

        // 2^attempt overflows long ticks near attempt 40; the cap is reached long before that.
        var factor = Math.Pow(2, Math.Min(attempt, 40));
        var ticks = _initial.Ticks * factor;
        return ticks >= _max.Ticks ? _max : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The delay before attempt <paramref name="attempt"/> (0 for the first retry after a drop).</summary>
    public TimeSpan NextDelay(int attempt)
    {
        var ceiling = Ceiling(attempt);
        return _jitter ? TimeSpan.FromTicks((long)(ceiling.Ticks * _random.NextDouble())) : ceiling;
    }
}
