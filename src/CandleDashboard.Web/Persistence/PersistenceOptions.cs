namespace CandleDashboard.Web.Persistence;

/// <summary>Buffers, fetcher and history tiers, bound from the <c>Persistence</c> configuration section.</summary>
public sealed class PersistenceOptions
{
    public const string SectionName = "Persistence";

    /// <summary>Closed candles kept per symbol × interval in the startup buffers.</summary>
    public int BufferCandles { get; set; } = 100;

    /// <summary>How many buffers load at once at startup.</summary>
    public int BufferLoadParallelism { get; set; } = 8;

    /// <summary>Commit the exchange's official klines and announce data_updated.</summary>
    public bool FetchOfficialKlines { get; set; } = true;

    /// <summary>Official candles fetched for a series the stores have never seen.</summary>
    public int InitialCandles { get; set; } = 300;

    /// <summary>Wait after a bucket closes before fetching its official kline.</summary>
    public TimeSpan FetchGrace { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A store answers history only when it lags the clock by at most this (or one interval).</summary>
    public TimeSpan MaxServedLag { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Newest official candles kept per series in Redis.</summary>
    public int RedisMaxCandlesPerSeries { get; set; } = 10_000;

    /// <summary>Lifetime of the live candle key in Redis.</summary>
    public TimeSpan LiveCandleTimeToLive { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// After a downtime, official candles are backfilled this far back per series (default 43,200:
    /// 30 days of 1m); older ones are skipped, logged and shown on the admin page.
    /// </summary>
    public int BackfillHorizonCandles { get; set; } = 43_200;

    /// <summary>How many of each series' newest candles the reconciler checks for holes (at most <see cref="RedisMaxCandlesPerSeries"/>).</summary>
    public int ReconcileWindowCandles { get; set; } = 1000;

    /// <summary>How often the reconciler checks the stores for holes.</summary>
    public TimeSpan ReconcileEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long candles of each interval are kept in PostgreSQL, by interval code (e.g.
    /// <c>{"1s": "2.00:00:00", "1m": "365.00:00:00"}</c>). An interval not listed is kept forever.
    /// Checked at startup (<see cref="PersistenceOptionsValidator"/>).
    /// </summary>
    public Dictionary<string, TimeSpan> Retention { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How often the retention job runs (its first run comes shortly after startup).</summary>
    public TimeSpan RetentionEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows per DELETE statement of the retention job: small enough that no statement locks for long.</summary>
    public int RetentionBatchSize { get; set; } = 10_000;
}
