-- Release 1.13 (expand): where the order came from. Nullable, so release 1.12 keeps inserting.
ALTER TABLE orders ADD COLUMN channel VARCHAR(16);
CREATE INDEX ix_orders_channel ON orders (channel);
