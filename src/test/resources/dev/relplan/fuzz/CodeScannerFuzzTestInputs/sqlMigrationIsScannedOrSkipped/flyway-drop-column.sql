/* Contract phase shipped together with the code change: the running release still uses
   legacy_ref and note; a statement that mentions DROP COLUMN in a string is not a drop. */
INSERT INTO audit_log (message) VALUES ('ALTER TABLE orders DROP COLUMN status; -- not a statement');

ALTER TABLE orders DROP COLUMN legacy_ref; -- relplan:finding

ALTER TABLE orders -- relplan:finding
    RENAME COLUMN note TO remarks;

ALTER TABLE orders ADD COLUMN channel VARCHAR(16) NOT NULL; -- relplan:finding
ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL; -- relplan:finding
ALTER TABLE orders ALTER COLUMN status TYPE VARCHAR(8); -- relplan:finding

CREATE TABLE order_archive (id BIGINT PRIMARY KEY);
DROP TABLE order_archive;

DROP TABLE IF EXISTS order_events; -- relplan:finding
ALTER TABLE customers RENAME TO clients; -- relplan:finding
