-- Run by the sqlFile change of db.changelog-1.0.xml: a plain SQL file, named like no migration tool's file.
ALTER TABLE invoices DROP COLUMN discount; -- relplan:finding
