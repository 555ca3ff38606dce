using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Accuracy;

/// <summary>
/// One <see cref="LiveDeltaLog"/> per configured symbol × interval. The startup buffers
/// (<see cref="Buffers.CandleBufferSet"/>) write it: they are the one place that receives every
/// closed live candle (through <c>ILiveCandleStream.SubscribeAll</c>) and every official candle
/// (after data_updated) of every series, whether or not anyone watches it, so each replacement is
/// recorded once for the whole server rather than once per open chart.
/// </summary>
public sealed class LiveDeltaLogSet : ILiveDeltaSource
{
    /// <summary>The "the last 100 candles".</summary>
    public const int DefaultWindow = 100;

    private readonly Dictionary<(string Symbol, Interval Interval), LiveDeltaLog> _logs;
    private readonly LiveDeltaLog[] _ordered;

    public LiveDeltaLogSet(IEnumerable<string> symbols, IReadOnlyList<Interval> intervals, int window = DefaultWindow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        Window = window;
        _ordered = [.. symbols.SelectMany(s => intervals.Select(i => new LiveDeltaLog(new Series(s, i), window)))];
        _logs = _ordered.ToDictionary(l => (l.Series.Symbol, l.Series.Interval));
    }

    public int Window { get; }

    public IReadOnlyList<LiveAccuracy> Accuracies => [.. _ordered.Select(l => l.Accuracy)];

    /// <summary>The log of one series, or null for a series not configured.</summary>
    public LiveDeltaLog? Get(string symbol, Interval interval) => _logs.GetValueOrDefault((symbol, interval));

    public LiveAccuracy? AccuracyOf(string symbol, Interval interval) => Get(symbol, interval)?.Accuracy;

    public LiveDelta? DeltaAt(string symbol, Interval interval, long openTime) => Get(symbol, interval)?.Find(openTime);
}
