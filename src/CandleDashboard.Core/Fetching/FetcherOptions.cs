using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Fetching;

public sealed class FetcherOptions
{
    public string Exchange { get; set; } = "binance";

    public IReadOnlyList<string> Symbols { get; set; } = [];

    /// <summary>
    /// Intervals committed as official. Those the exchange serves are fetched as they are; others
    /// (15s, 30s on Binance) are resampled from the exchange's finest interval that divides them.
    /// </summary>
    public IReadOnlyList<Interval> Intervals { get; set; } = Interval.Defaults;

    /// <summary>
    /// Symbols filled at once by one run (each symbol's intervals in turn). 1, the default, fills one
    /// series at a time. More lets a long catch-up of one symbol (Kraken candles built from its trades:
    /// many pages) leave the others current; it does not raise the request rate, which the adapter's
    /// own limiter governs.
    /// </summary>
    public int MaxConcurrentSymbols { get; set; } = 1;

    /// <summary>Candles fetched for a series the stores have never seen.</summary>
    public int InitialCandles { get; set; } = 1000;

    /// <summary>
    /// The backfill horizon, in candles (30 days of 1m = 43,200): after a longer downtime only the
    /// newest this many are fetched, and the rest is reported (<see cref="OfficialKlineFetcher.Skipped"/>).
    /// </summary>
    public int MaxBackfillCandles { get; set; } = 43_200;

    /// <summary>A catch-up is read and committed this many candles at a time (one exchange page), so memory stays flat.</summary>
    public int CommitChunkCandles { get; set; } = 1000;

    /// <summary>
    /// Wait after a bucket closes before fetching it: the exchange needs a moment to publish the
    /// final kline.
    /// </summary>
    public TimeSpan CloseGrace { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How far back the reconciler checks each series' stores for holes, in candles. Keep it within
    /// what every store retains (Redis trims each series to Persistence:RedisMaxCandlesPerSeries),
    /// or the reconciler would copy back what the store just trimmed.
    /// </summary>
    public int ReconcileWindowCandles { get; set; } = 1000;

    /// <summary>How often the reconciler runs (it also runs once right after start).</summary>
    public TimeSpan ReconcileEvery { get; set; } = TimeSpan.FromMinutes(1);
}
