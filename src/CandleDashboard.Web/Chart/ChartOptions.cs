namespace CandleDashboard.Web.Chart;

/// <summary>Per-chart settings passed to <c>candleChart.js</c> create().</summary>
public sealed record ChartOptions(string Symbol, string Interval, long IntervalMs, int PriceDecimals, int MaxCandles);
