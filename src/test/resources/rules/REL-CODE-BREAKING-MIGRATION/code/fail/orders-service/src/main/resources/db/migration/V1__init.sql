-- The first release: creating tables breaks nothing.
CREATE TABLE orders (
    id          BIGSERIAL PRIMARY KEY,
    customer_id BIGINT       NOT NULL,
    legacy_ref  VARCHAR(64),
    status      VARCHAR(16)  NOT NULL DEFAULT 'NEW',
    note        TEXT
);

CREATE INDEX ix_orders_customer ON orders (customer_id);
