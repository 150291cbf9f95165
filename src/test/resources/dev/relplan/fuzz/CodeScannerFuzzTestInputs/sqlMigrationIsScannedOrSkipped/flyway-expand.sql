-- Expand phase: everything here is additive, so the running release keeps working.
ALTER TABLE orders ADD COLUMN channel VARCHAR(16);
ALTER TABLE orders ADD COLUMN currency CHAR(3) NOT NULL DEFAULT 'EUR';
ALTER TABLE orders ALTER COLUMN note DROP NOT NULL;
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'NEW';
CREATE TABLE order_notes (
    id       BIGSERIAL PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    body     TEXT
);
CREATE INDEX ix_order_notes_order ON order_notes (order_id);
UPDATE orders SET channel = 'web' WHERE channel IS NULL;

-- A scratch table created and dropped by the same script was never used by the running release.
CREATE TABLE orders_backfill (id BIGINT);
DROP TABLE orders_backfill;
