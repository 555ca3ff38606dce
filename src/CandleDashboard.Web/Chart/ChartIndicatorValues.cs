using CandleDashboard.Core.Indicators;

namespace CandleDashboard.Web.Chart;

/// <summary>New values of one indicator of a chart (its canonical text), each superseding the one held for its open time.</summary>
public sealed record ChartIndicatorValues(string Spec, IReadOnlyList<ChartIndicatorPoint> Values)
{
    public static ChartIndicatorValues From(IndicatorSpec spec, IEnumerable<IndicatorValue> values) =>
        new(spec.Text, [.. values.Select(v => ChartIndicatorPoint.From(v, spec.Kind.Outputs.Count))]);
}
