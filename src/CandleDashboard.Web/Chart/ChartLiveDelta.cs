using CandleDashboard.Core.Accuracy;

namespace CandleDashboard.Web.Chart;

/// <summary>How one drawn official candle compared with the candle built live for it, for the legend (camel-cased by JS interop).</summary>
public sealed record ChartLiveDelta(long T, bool Matched, string Text)
{
    public static ChartLiveDelta From(in LiveDelta delta) => new(delta.OpenTime, delta.Matched, LiveDeltaText.Describe(delta));
}
