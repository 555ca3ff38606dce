namespace CandleDashboard.Exchange.Kraken.Rest;

/// <summary>
/// A local model of Kraken's REST call counter: each call adds one, the counter decays at a fixed
/// rate, and Kraken throttles (EAPI:Rate limit exceeded) a call that would take it past the maximum.
/// Keeping our own copy lets us wait for room instead of being throttled, which Kraken punishes
/// with a longer lockout. Thread-safe; time comes from the injected clock.
/// </summary>
public sealed class KrakenCallCounter
{
    private readonly TimeProvider _timeProvider;
    private readonly double _decayPerSecond;
    private readonly Lock _gate = new();
    private double _level;
    private long _stamp;

    public KrakenCallCounter(TimeProvider timeProvider, double maximum, double decayPerSecond)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(decayPerSecond, 0);
        _timeProvider = timeProvider;
        Maximum = maximum;
        _decayPerSecond = decayPerSecond;
        _stamp = timeProvider.GetTimestamp();
    }

    public double Maximum { get; }

    /// <summary>The counter now, after decay.</summary>
    public double Level
    {
        get
        {
            lock (_gate)
            {
                Decay();
                return _level;
            }
        }
    }

    /// <summary>
    /// Counts one call if that keeps the counter at or below <paramref name="ceiling"/> (the maximum,
    /// or a background share of it); otherwise says how long until it would.
    /// </summary>
    public bool TryTake(double ceiling, out TimeSpan wait)
    {
        lock (_gate)
        {
            Decay();
            var excess = _level + 1 - Math.Min(ceiling, Maximum);
            if (excess <= 1e-9)
            {
                _level += 1;
                wait = TimeSpan.Zero;
                return true;
            }

            wait = TimeSpan.FromSeconds(excess / _decayPerSecond);
            return false;
        }
    }

    /// <summary>Kraken said we are over: whatever our copy thought, it is full now.</summary>
    public void Fill()
    {
        lock (_gate)
        {
            Decay();
            _level = Maximum;
        }
    }

    private void Decay()
    {
        var now = _timeProvider.GetTimestamp();
        var seconds = (double)(now - _stamp) / _timeProvider.TimestampFrequency;
        _stamp = now;
        _level = Math.Max(0, _level - (seconds * _decayPerSecond));
    }
}
