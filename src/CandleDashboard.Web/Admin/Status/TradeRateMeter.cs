namespace CandleDashboard.Web.Admin.Status;

/// <summary>
/// Trades per second per symbol from successive samples of the builder's accepted-trade counter
/// (the core keeps totals, not rates). The first sample of a symbol has no rate yet; samples closer
/// than <see cref="MinimumSpan"/> keep the previous rate instead of dividing by almost nothing.
/// </summary>
public sealed class TradeRateMeter
{
    public static readonly TimeSpan MinimumSpan = TimeSpan.FromMilliseconds(200);

    private readonly Dictionary<string, (long Count, DateTimeOffset At, double? Rate)> _last = new(StringComparer.Ordinal);

    public double? Sample(string symbol, long acceptedTrades, DateTimeOffset now)
    {
        if (!_last.TryGetValue(symbol, out var previous))
        {
            _last[symbol] = (acceptedTrades, now, null);
            return null;
        }

        var elapsed = now - previous.At;
        if (elapsed < MinimumSpan)
        {
            return previous.Rate;
        }

        // A counter that went backwards means the source restarted: start over rather than report a negative rate.
        double? rate = acceptedTrades >= previous.Count ? (acceptedTrades - previous.Count) / elapsed.TotalSeconds : null;
        _last[symbol] = (acceptedTrades, now, rate);
        return rate;
    }
}
