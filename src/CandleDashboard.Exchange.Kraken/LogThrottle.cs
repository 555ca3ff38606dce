namespace CandleDashboard.Exchange.Kraken;

/// <summary>
/// At most one log entry per window, counting the ones held back, so a flood of bad frames shows as
/// one line per window. (Same rule as the Binance adapter's; kept per adapter so neither depends on
/// the other.) Thread-safe.
/// </summary>
internal sealed class LogThrottle(TimeProvider timeProvider, TimeSpan window)
{
    private readonly long _windowTicks = (long)(window.TotalSeconds * timeProvider.TimestampFrequency);
    private readonly Lock _gate = new();
    private long _nextAllowed;
    private long _suppressed;
    private bool _started;

    public bool TryEnter(out long suppressedSinceLast)
    {
        var now = timeProvider.GetTimestamp();
        lock (_gate)
        {
            if (_started && now < _nextAllowed)
            {
                _suppressed++;
                suppressedSinceLast = 0;
                return false;
            }

            _started = true;
            _nextAllowed = now + _windowTicks;
            suppressedSinceLast = _suppressed;
            _suppressed = 0;
            return true;
        }
    }
}
