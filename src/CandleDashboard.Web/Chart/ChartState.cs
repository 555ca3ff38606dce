namespace CandleDashboard.Web.Chart;

/// <summary>What the chart area shows; also its <c>data-state</c> attribute.</summary>
public enum ChartState
{
    Loading,
    Ready,
    Failed,
}
