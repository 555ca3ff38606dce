-- Bulk import (the `import` command): how far each published trade file has been committed, so a
-- killed import resumes where its last transaction ended. One row per (exchange, symbol, file).
--
-- file_identity is the file's content identity, not its path (the same dump under another name or
-- folder is the same file): name inside the zip or on disk, byte length, and a checksum (the zip
-- entry's CRC-32, or SHA-256 of a plain file's first 64 KiB). lines_done counts every line consumed
-- (header, blank and malformed lines included), so resuming skips exactly those lines.
-- state is the builder's forming candle per interval after lines_done (JSON, exact decimal strings):
-- a bucket spanning the checkpoint continues from it and comes out identical.
-- The row is written in the same transaction as the candles it covers.
CREATE TABLE IF NOT EXISTS import_progress (
    exchange      text        NOT NULL,
    symbol        text        NOT NULL,
    file_identity text        NOT NULL,
    file_name     text        NOT NULL,
    lines_done    bigint      NOT NULL,
    trades_done   bigint      NOT NULL,
    malformed     bigint      NOT NULL,
    completed     boolean     NOT NULL,
    state         text        NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT import_progress_pkey PRIMARY KEY (exchange, symbol, file_identity)
);
