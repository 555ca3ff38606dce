namespace CandleDashboard.Storage.Postgres;

/// <summary>The store's SQL, in one place next to the schema it depends on (Migrations/001_candles.sql).</summary>
internal static class CandleSql
{
    private const string Columns = """
        open_time AS OpenTime, open AS Open, high AS High, low AS Low, close AS Close,
        volume AS Volume, quote_volume AS QuoteVolume, trade_count AS TradeCount, is_closed AS IsClosed, source AS Source
        """;

    private const string SeriesFilter = """exchange = @Exchange AND symbol = @Symbol AND "interval" = @Interval""";

    /// <summary>
    /// One statement per batch: parallel arrays are unnested into rows, so a 10,000-candle batch is one
    /// round trip. The WHERE on the update skips rewriting rows whose values did not change (a re-sent
    /// identical candle costs no new row version); a changed one replaces the row and bumps updated_at.
    /// </summary>
    public const string Upsert = """
        INSERT INTO candles AS c (exchange, symbol, "interval", open_time, open, high, low, close,
                                  volume, quote_volume, trade_count, is_closed, source)
        SELECT @Exchange, @Symbol, @Interval, t.*
        FROM unnest(@OpenTime, @Open, @High, @Low, @Close, @Volume, @QuoteVolume, @TradeCount, @IsClosed, @Source)
             AS t(open_time, open, high, low, close, volume, quote_volume, trade_count, is_closed, source)
        ON CONFLICT (exchange, symbol, "interval", open_time) DO UPDATE SET
            open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
            volume = EXCLUDED.volume, quote_volume = EXCLUDED.quote_volume, trade_count = EXCLUDED.trade_count,
            is_closed = EXCLUDED.is_closed, source = EXCLUDED.source, updated_at = now()
        WHERE (c.open, c.high, c.low, c.close, c.volume, c.quote_volume, c.trade_count, c.is_closed, c.source)
              IS DISTINCT FROM
              (EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close, EXCLUDED.volume, EXCLUDED.quote_volume,
               EXCLUDED.trade_count, EXCLUDED.is_closed, EXCLUDED.source)
        """;

    /// <summary>Newest first so the primary key is scanned backwards and stops after @Count rows; the caller reverses.</summary>
    public const string RecentNewestFirst = $"""
        SELECT {Columns} FROM candles
        WHERE {SeriesFilter}
        ORDER BY open_time DESC
        LIMIT @Count
        """;

    public const string Range = $"""
        SELECT {Columns} FROM candles
        WHERE {SeriesFilter} AND open_time BETWEEN @From AND @To
        ORDER BY open_time
        """;

    public const string Metadata = $"""
        SELECT min(open_time) AS EarliestOpenTime, max(open_time) AS LatestOpenTime, count(*) AS Count
        FROM candles
        WHERE {SeriesFilter}
        """;

    /// <summary>
    /// A coarser interval rolled up from the stored 1m rows of a series in one statement (the rule of
    /// <c>CandleResampler.Resample</c>, so both give the same candle). Plain PostgreSQL has no first()/last(),
    /// hence the ordered array_agg; open, high and low come from the traded minutes (the exchange's rule: the
    /// first trade opens the bucket), a bucket with no trades is flat like its first minute. HAVING keeps only
    /// buckets with every minute present: a rollup over a hole would be a wrong candle, not a partial one.
    /// The floor is written for negative open times too, as Interval.Floor is.
    /// </summary>
    public const string Rollup = $"""
        SELECT bucket AS OpenTime,
               coalesce((array_agg(open ORDER BY open_time) FILTER (WHERE trade_count > 0))[1],
                        (array_agg(open ORDER BY open_time))[1]) AS Open,
               coalesce(max(high) FILTER (WHERE trade_count > 0), max(high)) AS High,
               coalesce(min(low) FILTER (WHERE trade_count > 0), min(low)) AS Low,
               (array_agg(close ORDER BY open_time DESC))[1] AS Close,
               sum(volume) AS Volume, sum(quote_volume) AS QuoteVolume, sum(trade_count)::bigint AS TradeCount,
               bool_and(is_closed) AS IsClosed,
               CASE WHEN bool_or(source = 'live') THEN 'live'
                    WHEN bool_or(source = 'official-trades') THEN 'official-trades'
                    ELSE 'official' END AS Source
        FROM (
            SELECT *, open_time - ((open_time % @TargetMs) + @TargetMs) % @TargetMs AS bucket
            FROM candles
            WHERE exchange = @Exchange AND symbol = @Symbol AND "interval" = '1m'
              AND open_time >= @From AND open_time < @ToExclusive
        ) AS minutes
        GROUP BY bucket
        HAVING count(*) = @Parts
        ORDER BY bucket
        """;

    /// <summary>
    /// One batch of retention: at most @Batch rows of one interval (every exchange and symbol) older than
    /// @Cutoff. Matched by primary key, not ctid: on a TimescaleDB hypertable a ctid is unique only within
    /// a chunk. Small batches in their own statements keep each lock and each WAL burst short.
    /// </summary>
    public const string DeleteOlderBatch = """
        DELETE FROM candles AS c
        USING (SELECT exchange, symbol, "interval", open_time FROM candles
               WHERE "interval" = @Interval AND open_time < @Cutoff
               LIMIT @Batch) AS old
        WHERE c.exchange = old.exchange AND c.symbol = old.symbol AND c."interval" = old."interval"
          AND c.open_time = old.open_time
        """;
}
