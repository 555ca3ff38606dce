namespace CandleDashboard.Web.Chart;

/// <summary>Per-chart settings the browser module keeps for the hot path (price label decimals, how many candles to keep).</summary>
public sealed record ChartOptions(string Symbol, string Interval, long IntervalMs, int PriceDecimals, int MaxCandles);
