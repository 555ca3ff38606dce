using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Indicators;

/// <summary>One indicator with its parameters over one series: what a shared calculator is kept for.</summary>
public readonly record struct IndicatorKey(Series Series, IndicatorSpec Spec)
{
    public override string ToString() => $"{Series} {Spec}";
}
