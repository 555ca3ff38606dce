using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// What one turn of a chart's drain applies: the live updates (oldest first, one per open time),
/// the official candles committed since the last turn (oldest first) and the indicators' new values.
/// </summary>
public sealed record PendingBatch(IReadOnlyList<Candle> Live, IReadOnlyList<Candle> Official, IReadOnlyList<ChartIndicatorValues> Indicators)
{
    public static PendingBatch Empty { get; } = new([], [], []);

    public bool IsEmpty => Live.Count == 0 && Official.Count == 0 && Indicators.Count == 0;
}
