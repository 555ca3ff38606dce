namespace CandleDashboard.Web.Chart;

/// <summary>A visible time range of a chart, epoch milliseconds (what <c>?from=&amp;to=</c> links carry).</summary>
public sealed record ChartRange(long From, long To);
