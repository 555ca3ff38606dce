namespace CandleDashboard.Simulator.Kraken;

/// <summary>
/// Kraken's rate-limit model: a counter that every call raises by its cost and that decays continuously
/// with time; a call that would take it past the maximum is refused (<c>EAPI:Rate limit exceeded</c>) and
/// costs nothing. On loopback every client shares one counter (Kraken counts per IP for public calls).
/// A maximum of 0 turns the limit off.
/// </summary>
internal sealed class KrakenRateLimiter(double maximum, double decayPerSecond, TimeProvider timeProvider)
{
    private readonly object _gate = new();
    private double _counter;
    private long _updatedTicks = long.MinValue;

    public bool TryCharge(double cost = 1)
    {
        if (maximum <= 0)
        {
            return true;
        }

        lock (_gate)
        {
            var now = timeProvider.GetUtcNow().UtcTicks;
            if (_updatedTicks != long.MinValue)
            {
                var elapsed = TimeSpan.FromTicks(Math.Max(0, now - _updatedTicks)).TotalSeconds;
                _counter = Math.Max(0, _counter - elapsed * decayPerSecond);
            }

            _updatedTicks = now;
            if (_counter + cost > maximum)
            {
                return false;
            }

            _counter += cost;
            return true;
        }
    }
}
