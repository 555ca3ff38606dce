namespace CandleDashboard.Exchange.Streaming;

/// <summary>
/// Lets at most one log entry through per window and counts the ones it held back, so a flood of
/// bad frames or a sustained rate-limit warning shows up as one line per window with a count
/// instead of burying the log. Thread-safe.
/// </summary>
public sealed class LogThrottle
{
    private readonly TimeProvider _timeProvider;
    private readonly long _windowTicks;
    private readonly Lock _gate = new();
    private long _nextAllowedTimestamp;
    private long _suppressed;
    private bool _started;

    public LogThrottle(TimeProvider timeProvider, TimeSpan window)
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _windowTicks = (long)(window.TotalSeconds * timeProvider.TimestampFrequency);
    }

    /// <summary>
    /// True if the caller may log now; <paramref name="suppressedSinceLast"/> is how many entries
    /// were held back since the previous one that got through (to be mentioned in the log line).
    /// </summary>
    public bool TryEnter(out long suppressedSinceLast)
    {
        var now = _timeProvider.GetTimestamp();
        lock (_gate)
        {
            if (_started && now < _nextAllowedTimestamp)
            {
                _suppressed++;
                suppressedSinceLast = 0;
                return false;
            }

            _started = true;
            _nextAllowedTimestamp = now + _windowTicks;
            suppressedSinceLast = _suppressed;
            _suppressed = 0;
            return true;
        }
    }
}
