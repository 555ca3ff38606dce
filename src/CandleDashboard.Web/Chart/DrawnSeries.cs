namespace CandleDashboard.Web.Chart;

/// <summary>What the plot must show for a load to count as drawn: the series' name, candle count and newest open time.</summary>
public sealed record DrawnSeries(string Symbol, int Count, long LastOpenTime);
