using CandleDashboard.Core.Market;

namespace CandleDashboard.Simulator.Market;

/// <summary>
/// Everything the simulator knows about one symbol's trading: the last trade and one kline series per
/// bucket length of its venue (Binance's intervals, or Kraken's). Writers (the trade source) and readers (REST requests) meet under one lock, held
/// only for the few microseconds of an update or a copy.
/// </summary>
internal sealed class SymbolMarket
{
    private readonly object _gate = new();
    private readonly KlineSeries[] _series;

    /// <param name="bucketLengths">The venue's interval lengths in ms; <see cref="ReadKlines"/> takes an index into this list.</param>
    public SymbolMarket(SymbolProfile profile, IReadOnlyList<long> bucketLengths, long historyStart, long startTime, SimulatorOptions options)
    {
        Profile = profile;
        _series = new KlineSeries[bucketLengths.Count];
        for (var i = 0; i < _series.Length; i++)
        {
            var windowStart = WindowStart(bucketLengths[i], historyStart, startTime, options);
            _series[i] = new KlineSeries(bucketLengths[i], windowStart, options.MaxKlinesPerSeries);
        }
    }

    public SymbolProfile Profile { get; }

    public string Symbol => Profile.Symbol;

    /// <summary>Id of the last recorded trade, 0 before any.</summary>
    public long LastTradeId { get; private set; }

    private long _watermark = long.MaxValue;

    /// <summary>
    /// No trade with a time before this will be recorded any more (set by the symbol's trade source from its
    /// next scheduled print). Kline streams close a bucket only once the watermark has passed its end, so a
    /// final kline is final even when the generator runs late on a loaded machine. long.MaxValue: no source,
    /// follow the clock.
    /// </summary>
    public long Watermark => Interlocked.Read(ref _watermark);

    public void SetWatermark(long time) => Interlocked.Exchange(ref _watermark, time);

    /// <summary>
    /// Earliest instant an interval aggregates: enough for <see cref="SimulatorOptions.HistoryCandlesPerInterval"/>
    /// bars (1s: <see cref="SimulatorOptions.OneSecondHistory"/>), never before the history itself starts.
    /// </summary>
    public static long WindowStart(long bucketLength, long historyStart, long startTime, SimulatorOptions options)
    {
        var depth = bucketLength == Interval.OneSecond.Milliseconds
            ? (long)options.OneSecondHistory.TotalMilliseconds
            : bucketLength * (options.HistoryCandlesPerInterval + 1);
        return Math.Max(historyStart, startTime - depth);
    }

    public void Record(in SimTrade trade)
    {
        lock (_gate)
        {
            foreach (var series in _series)
            {
                series.Add(trade);
            }

            LastTradeId = trade.TradeId;
        }
    }

    public void RecordAll(IReadOnlyList<SimTrade> trades)
    {
        lock (_gate)
        {
            foreach (var series in _series)
            {
                for (var i = 0; i < trades.Count; i++)
                {
                    series.Add(trades[i]);
                }
            }

            if (trades.Count > 0)
            {
                LastTradeId = trades[^1].TradeId;
            }
        }
    }

    public List<KlineBar> ReadKlines(int intervalIndex, long from, long to, int limit, bool newestFirst, long now)
    {
        lock (_gate)
        {
            return _series[intervalIndex].Read(from, to, limit, newestFirst, now);
        }
    }

}
