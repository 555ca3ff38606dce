namespace CandleDashboard.Web.Chart;

/// <summary>How a chart is shown, apart from its series: the time zone of its labels and its price scale.</summary>
public sealed record ChartDisplay(string Zone, PriceScale Scale)
{
    public static ChartDisplay Default { get; } = new(ChartTimeZones.Utc, PriceScale.Linear);
}
