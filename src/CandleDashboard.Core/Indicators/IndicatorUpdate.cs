namespace CandleDashboard.Core.Indicators;

/// <summary>
/// New values of a shared indicator, pushed to every viewer of it. Values are aligned with candles
/// by <see cref="IndicatorValue.OpenTime"/>, oldest first.
/// </summary>
public sealed record IndicatorUpdate(IndicatorKey Key, IndicatorUpdateKind Kind, IReadOnlyList<IndicatorValue> Values);
