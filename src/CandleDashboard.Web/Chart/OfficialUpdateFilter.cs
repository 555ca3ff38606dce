using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// Which data_updated messages concern a chart. With Redis pub/sub every instance hears every
/// commit — including those of instances on another exchange (simulator vs Binance share a
/// Redis in some setups) — so exchange, symbol and interval must all match.
/// </summary>
public static class OfficialUpdateFilter
{
    public static bool Concerns(DataUpdated message, string exchange, string symbol, Interval interval) =>
        message.Count > 0
        && message.From <= message.To
        && string.Equals(message.Exchange, exchange, StringComparison.OrdinalIgnoreCase)
        && string.Equals(message.Symbol, symbol, StringComparison.OrdinalIgnoreCase)
        && string.Equals(message.Interval, interval.Code, StringComparison.Ordinal); // 1m ≠ 1M
}
