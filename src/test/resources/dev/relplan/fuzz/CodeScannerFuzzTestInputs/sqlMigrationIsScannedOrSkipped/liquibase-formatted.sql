--liquibase formatted sql

--changeset billing:9
CREATE TABLE refunds (id BIGINT PRIMARY KEY, invoice_id BIGINT NOT NULL);
--rollback DROP TABLE refunds;

--changeset billing:10
ALTER TABLE invoices MODIFY COLUMN total DECIMAL(12, 2) NOT NULL; -- relplan:finding
--rollback ALTER TABLE invoices MODIFY COLUMN total DECIMAL(10, 2);
