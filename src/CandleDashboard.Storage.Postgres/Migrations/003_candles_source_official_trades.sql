-- Candles built from an exchange's trade history (Kraken: 15s/30s, and anything older than its
-- 720-candle OHLC window) are official too, and keep their origin: source 'official-trades'.
-- Written so it can run under any version number (a parallel branch also adds a 003; whichever
-- lands second renumbers, which the duplicate-version check at startup insists on).
ALTER TABLE candles DROP CONSTRAINT IF EXISTS candles_source_check;
ALTER TABLE candles ADD CONSTRAINT candles_source_check CHECK (source IN ('official', 'live', 'official-trades'));
