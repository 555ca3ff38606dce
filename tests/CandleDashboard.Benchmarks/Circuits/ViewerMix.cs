using CandleDashboard.Core.Market;

namespace CandleDashboard.Benchmarks.Circuits;

/// <summary>
/// Which chart each viewer opens: spread evenly over every symbol × interval (issue 12: 4 symbols ×
/// 8 intervals), viewer k on series k mod 32, so any number of viewers loads every series alike.
/// </summary>
public sealed class ViewerMix(IReadOnlyList<string> symbols, IReadOnlyList<Interval> intervals)
{
    public static ViewerMix Dashboard { get; } = new(["BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT"], Interval.Defaults);

    public IReadOnlyList<string> Symbols => symbols;

    public (string Symbol, Interval Interval) SeriesOf(int viewer)
    {
        var series = viewer % (symbols.Count * intervals.Count);
        return (symbols[series % symbols.Count], intervals[series / symbols.Count]);
    }

    public static Uri PageOf(Uri app, string symbol, Interval interval) => new(app, $"chart/{symbol}/{interval.Code}");
}
