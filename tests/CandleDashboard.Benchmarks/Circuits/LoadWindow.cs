using CandleDashboard.Benchmarks.Latency;
using CandleDashboard.Simulator;

namespace CandleDashboard.Benchmarks.Circuits;

/// <summary>
/// What a set of viewers received during one measurement window: live updates per second per viewer
/// (every viewer) and the delay from each trade's send to the first update showing it, matched by
/// cumulative volume (<see cref="ShownCandleMatcher"/>). Delays come from buckets that began and ended
/// inside the window, so a one-minute window measures them on the 15s, 30s and (partly) 1m viewers;
/// every viewer's updates take the same path through the server, whatever its interval.
/// </summary>
public sealed record LoadWindow(int Viewers, double Seconds, double MeanUpdatesPerSecond, double MinUpdatesPerSecond, double P5UpdatesPerSecond, Percentiles Delay)
{
    public static LoadWindow Of(IReadOnlyList<Viewer> viewers, IReadOnlyList<PublishedTrade> trades, WallClock clock, double from, double to)
    {
        var seconds = (to - from) / 1000;
        var rates = new List<double>(viewers.Count);
        var delays = new List<double>();
        foreach (var group in viewers.GroupBy(v => (v.Symbol, v.Interval)))
        {
            // One bucketing of the series' trades for all of its viewers.
            var seriesTrades = trades.Where(t => t.Symbol == group.Key.Symbol).ToArray();
            foreach (var viewer in group)
            {
                var received = viewer.Tab.Browser.Updates.Between(from, to);
                rates.Add(received.Count / seconds);
                delays.AddRange(ShownCandleMatcher.Match(seriesTrades, received, clock, from, viewer.Symbol, viewer.Interval));
            }
        }

        rates.Sort();
        return new LoadWindow(viewers.Count, seconds, rates.Average(), rates[0], rates[(int)(rates.Count * 0.05)], Percentiles.Of(delays));
    }

    public override string ToString() =>
        $"{Viewers} viewers, {Seconds:0} s: updates/s per viewer mean {MeanUpdatesPerSecond:0.00} (p5 {P5UpdatesPerSecond:0.00}, min {MinUpdatesPerSecond:0.00}); delay {Delay}";
}
