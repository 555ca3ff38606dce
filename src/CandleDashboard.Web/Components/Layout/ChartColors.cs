namespace CandleDashboard.Web.Components.Layout;

/// <summary>The colours plotly draws the chart's frame with (background, grid, labels, hover box), per theme mode.</summary>
public sealed record ChartColors(string Background, string Grid, string Text, string Spike, string HoverBackground, string HoverBorder, string HoverText);
