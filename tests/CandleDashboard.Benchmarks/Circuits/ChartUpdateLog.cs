using CandleDashboard.Benchmarks.Latency;

namespace CandleDashboard.Benchmarks.Circuits;

/// <summary>
/// The live updates one emulated tab received (the candle argument of each <c>applyUpdate</c> call),
/// stamped with the wall-clock time the call arrived. Written by the tab's connection, read after
/// the measurement window.
/// </summary>
public sealed class ChartUpdateLog
{
    private readonly List<ShownCandle> _received = [];
    private readonly Lock _gate = new();

    public void Add(ShownCandle candle)
    {
        lock (_gate)
        {
            _received.Add(candle);
        }
    }

    /// <summary>The updates that arrived within [from, to) (wall-clock epoch ms).</summary>
    public IReadOnlyList<ShownCandle> Between(double from, double to)
    {
        lock (_gate)
        {
            return [.. _received.Where(c => c.At >= from && c.At < to)];
        }
    }
}
