-- Release 1.14: the reference of the old shop system is no longer shown.
-- Release 1.13 still selects legacy_ref, and runs beside 1.14 during the rolling deployment.
ALTER TABLE orders DROP COLUMN legacy_ref;
