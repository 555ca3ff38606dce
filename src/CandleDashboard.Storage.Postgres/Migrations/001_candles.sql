-- Official candles: exactly one row per (exchange, symbol, interval, open_time); a re-sent
-- candle replaces the row (PostgresCandleStore upserts with ON CONFLICT ... DO UPDATE).
--
-- open_time is the bucket start as UTC epoch milliseconds (bigint), exactly Candle.OpenTime:
-- no time-zone or precision conversion on the hot path, and exchanges publish klines that way.
-- For a human-readable time: to_timestamp(open_time / 1000.0).
--
-- Prices and volumes are unconstrained numeric so every C# decimal round-trips exactly
-- (numeric(p,s) would round; double would lose digits).
--
-- The primary key also serves "newest N of a series" (backward index scan) and range reads.
CREATE TABLE IF NOT EXISTS candles (
    exchange     text        NOT NULL,
    symbol       text        NOT NULL,
    "interval"   text        NOT NULL,
    open_time    bigint      NOT NULL,
    open         numeric     NOT NULL,
    high         numeric     NOT NULL,
    low          numeric     NOT NULL,
    close        numeric     NOT NULL,
    volume       numeric     NOT NULL,
    quote_volume numeric     NOT NULL,
    trade_count  bigint      NOT NULL,
    is_closed    boolean     NOT NULL DEFAULT true,
    source       text        NOT NULL,
    inserted_at  timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT candles_pkey PRIMARY KEY (exchange, symbol, "interval", open_time),
    CONSTRAINT candles_source_check CHECK (source IN ('official', 'live'))
);
