using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Feeds;

/// <summary>
/// The server-side live candles, as charts and the public hub consume them.
/// Updates are coalesced per series (at most one per coalescing window, latest value wins).
/// </summary>
public interface ILiveCandleStream
{
    /// <summary>The forming candle of the series, if a trade has been seen for the symbol.</summary>
    bool TryGetForming(string symbol, Interval interval, out Candle candle);

    /// <summary>
    /// The live candles a chart joins to history: the newest closed one (until its official kline
    /// replaces it) and the forming one, oldest first; empty before the symbol's first trade.
    /// </summary>
    IReadOnlyList<Candle> GetLiveCandles(string symbol, Interval interval);

    /// <summary>Trade counters and the newest trade of a symbol, or null for a symbol not built here.</summary>
    SymbolActivity? GetActivity(string symbol);

    /// <summary>
    /// Receives coalesced updates of one series: the forming candle as it changes and each candle
    /// as it closes. The handler runs on a thread-pool thread and must not block. Dispose the
    /// returned handle to stop; a leaked handle keeps the handler alive.
    /// </summary>
    IDisposable Subscribe(string symbol, Interval interval, Action<CandleUpdate> onUpdate);

    /// <summary>
    /// Receives every coalesced update of every series, subscribed or not, in the same order as
    /// the series' own subscribers (e.g. to keep buffers or persist the forming candle). Same rules
    /// as <see cref="Subscribe"/>; not counted in <see cref="SubscriptionCount"/>.
    /// </summary>
    IDisposable SubscribeAll(Action<CandleUpdate> onUpdate);

    /// <summary>Number of live subscriptions of single series (charts and hub series; for leak checks and the admin page).</summary>
    int SubscriptionCount { get; }
}
