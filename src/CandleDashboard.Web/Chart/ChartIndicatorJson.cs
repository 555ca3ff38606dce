using CandleDashboard.Core.Indicators;

namespace CandleDashboard.Web.Chart;

/// <summary>An indicator a chart draws, with its values so far (camel-cased by JS interop).</summary>
/// <param name="Spec">Canonical text, e.g. <c>ema(21)</c>: the key later values carry.</param>
/// <param name="Outputs">Output names, one trace each (Bollinger: middle, upper, lower; MACD: macd, signal, histogram).</param>
/// <param name="Pane"><c>price</c>, <c>volume</c> or <c>own</c> (a pane of its own below the candles).</param>
public sealed record ChartIndicatorJson(string Spec, string Title, IReadOnlyList<string> Outputs, string Pane, IReadOnlyList<ChartIndicatorPoint> Values)
{
    public static ChartIndicatorJson From(IndicatorSpec spec, IEnumerable<IndicatorValue> values) =>
        new(spec.Text, spec.Kind.Title, spec.Kind.Outputs, ChartIndicators.PaneOf(spec.Kind), ChartIndicatorValues.From(spec, values).Values);
}
