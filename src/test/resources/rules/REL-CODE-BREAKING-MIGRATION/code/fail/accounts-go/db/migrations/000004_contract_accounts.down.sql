-- The rollback script restores the columns; it is not a forward step.
ALTER TABLE accounts DROP COLUMN region;
ALTER TABLE accounts ADD COLUMN nickname VARCHAR(64);
