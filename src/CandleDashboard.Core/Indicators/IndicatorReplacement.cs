namespace CandleDashboard.Core.Indicators;

/// <summary>The outcome of <see cref="IndicatorSeries.Replace"/>.</summary>
/// <param name="Kind">What was done.</param>
/// <param name="Replayed">Candles fed to the calculator again (0 when nothing was recomputed).</param>
/// <param name="FirstChangedOpenTime">Open time of the first value that may have changed; values from it to the newest should be re-sent (null when none changed).</param>
public readonly record struct IndicatorReplacement(IndicatorReplacementKind Kind, int Replayed, long? FirstChangedOpenTime);
