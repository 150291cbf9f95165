-- Release 1.0: the orders table.
CREATE TABLE orders (
    id            VARCHAR(36)    PRIMARY KEY,
    customer_id   VARCHAR(64)    NOT NULL,
    total         NUMERIC(12, 2) NOT NULL,
    currency      CHAR(3)        NOT NULL,
    charge_id     VARCHAR(64),
    legacy_ref    VARCHAR(64),
    status        VARCHAR(16)    NOT NULL DEFAULT 'NEW',
    created_at    TIMESTAMP      NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX ix_orders_customer ON orders (customer_id);
