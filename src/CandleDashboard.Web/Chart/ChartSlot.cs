using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// A chart of a layout after the first (whose series is the route's): its series and indicators, as the
/// link's <c>?c2=ETHUSDT/1h/ema(21);rsi(14)</c> carries them.
/// </summary>
public sealed record ChartSlot(string Symbol, Interval Interval, ChartIndicators Indicators)
{
    /// <summary>The link value: symbol/interval, then /indicators when there are any.</summary>
    public string Text => Indicators.Specs.Count == 0 ? $"{Symbol}/{Interval.Code}" : $"{Symbol}/{Interval.Code}/{Indicators.Text}";
}
