using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Storage;

/// <summary>
/// Identifies one candle series: exchange × symbol × interval. Construction validates every
/// part, so a key built from a SeriesKey (Redis key, SQL parameter) can never carry hostile text.
/// </summary>
public readonly record struct SeriesKey
{
    public SeriesKey(string exchange, string symbol, Interval interval)
    {
        if (!IsValidExchange(exchange))
        {
            throw new ArgumentException($"Invalid exchange name '{exchange}': use 2–20 lower-case letters or digits.", nameof(exchange));
        }

        if (!Symbols.IsValid(symbol))
        {
            throw new ArgumentException($"Invalid symbol '{symbol}': use 2–20 upper-case letters or digits.", nameof(symbol));
        }

        if (interval.Milliseconds <= 0)
        {
            throw new ArgumentException("Interval is not set.", nameof(interval));
        }

        Exchange = exchange;
        Symbol = symbol;
        Interval = interval;
    }

    /// <summary>Lower-case exchange name, e.g. <c>binance</c>.</summary>
    public string Exchange { get; }

    public string Symbol { get; }

    public Interval Interval { get; }

    public override string ToString() => $"{Exchange}:{Symbol}:{Interval.Code}";

    private static bool IsValidExchange(string? exchange) =>
        exchange is { Length: >= 2 and <= 20 } && exchange.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9');
}
