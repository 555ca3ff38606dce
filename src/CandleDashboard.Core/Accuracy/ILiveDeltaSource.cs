using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Accuracy;

/// <summary>
/// Read side of live vs official, for the chart, the API, the admin page and the metrics: how far
/// each series' live-built candles were from the exchange's official klines that replaced them.
/// Server-wide (every viewer sees the same numbers), recorded whether or not a chart is open.
/// </summary>
public interface ILiveDeltaSource
{
    /// <summary>How many replaced candles each series' summary covers (N).</summary>
    int Window { get; }

    /// <summary>Every recorded series' summary, in the configured symbol × interval order.</summary>
    IReadOnlyList<LiveAccuracy> Accuracies { get; }

    /// <summary>The summary of one series, or null for a series the server does not record.</summary>
    LiveAccuracy? AccuracyOf(string symbol, Interval interval);

    /// <summary>
    /// The delta of the official candle opening at <paramref name="openTime"/>, or null when no live
    /// version of it was recorded (history from the stores, or older than the window).
    /// </summary>
    LiveDelta? DeltaAt(string symbol, Interval interval, long openTime);
}
