namespace CandleDashboard.Simulator.Rest;

/// <summary>
/// Binance's request-weight accounting, reported back in <c>X-MBX-USED-WEIGHT-1M</c> so clients can
/// exercise their throttling. The window is the current clock minute, as on Binance. Nothing is refused.
/// </summary>
internal sealed class RequestWeight(TimeProvider timeProvider)
{
    private readonly object _gate = new();
    private long _minute = long.MinValue;
    private int _used;

    public void Charge(HttpContext context, int weight)
    {
        int used;
        lock (_gate)
        {
            var minute = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() / 60_000;
            if (minute != _minute)
            {
                _minute = minute;
                _used = 0;
            }

            used = _used += weight;
        }

        var text = used.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["X-MBX-USED-WEIGHT"] = text;
        context.Response.Headers["X-MBX-USED-WEIGHT-1M"] = text;
    }
}
