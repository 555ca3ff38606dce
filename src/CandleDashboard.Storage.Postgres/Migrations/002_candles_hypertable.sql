-- TimescaleDB when the server has it (e.g. the timescale/timescaledb docker image); a plain
-- table otherwise (Debian's PostgreSQL, CI). The extension must be both available and preloaded
-- (shared_preload_libraries): CREATE EXTENSION fails otherwise, and a plain table is better than
-- a failed startup.
--
-- open_time is bigint epoch ms, so chunks are sized in milliseconds: 7 days per chunk.
-- migrate_data lets this run on a table that already holds candles.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')
       AND current_setting('shared_preload_libraries') LIKE '%timescaledb%' THEN
        CREATE EXTENSION IF NOT EXISTS timescaledb;
        PERFORM create_hypertable('candles', 'open_time',
            chunk_time_interval => 604800000::bigint,
            if_not_exists => true,
            migrate_data => true);
    ELSE
        RAISE NOTICE 'timescaledb is not available: candles stays a plain table';
    END IF;
END
$$;
